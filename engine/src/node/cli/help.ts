/** The `--help` texts of `trellis` and its commands. */

const EXIT_CODES = `Exit codes:
  0    the run completed (idle); validate found no problems
  1    validate found problems
  2    usage error, file not found, invalid workflow, wrong answer
  3    the run failed
  4    the run paused for answers and stdin is not a terminal
  130  cancelled with Ctrl-C (a second Ctrl-C exits at once)`;

const MODEL = `Model (for agent executors), from the environment:
  TRELLIS_MODEL_BASE_URL  an OpenAI-compatible API root, e.g. http://localhost:11434/v1
  TRELLIS_MODEL           the model name, e.g. llama3.2
  TRELLIS_MODEL_API_KEY   optional; sent as a bearer token, never printed
Without TRELLIS_MODEL_BASE_URL and TRELLIS_MODEL, agents use the offline mock model.`;

const CHECKPOINTS = `Checkpoints: with --checkpoints DIR every superstep is saved to DIR (one JSON file per
checkpoint) and DIR/trellis-run.json records the workflow file and the series id, so that
'trellis resume DIR' can rebuild the workflow. When a run pauses for answers and stdin is not a
terminal, it prints each pending request and the command that continues it, and exits 4; without
--checkpoints the paused run is saved under .trellis/checkpoints/<workflow name>.`;

/** Help of each command, by name. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  run: `Usage: trellis run FILE [--input JSON|TEXT] [--json] [--checkpoints DIR] [--max-iterations N]

Runs a *.workflow.yaml file, printing its events as they happen and its outputs at the end.

Options:
  --input VALUE         the run's input: parsed as JSON when it is valid JSON, else taken as text
  --json                write every event as one JSON object per line on stdout, and nothing else
                        (human-readable text goes to stderr)
  --checkpoints DIR     save checkpoints in DIR (resumable with trellis resume DIR)
  --max-iterations N    the superstep limit (default: the file's max_iterations, else 100)

Pending human requests are asked on the terminal when stdin is one.

${CHECKPOINTS}

${MODEL}

${EXIT_CODES}`,
  resume: `Usage: trellis resume DIR [--responses JSON] [--series ID] [--file FILE] [--json] [--max-iterations N]

Continues a run saved in DIR by 'trellis run' (the latest series, or --series ID), answering its
pending requests with --responses, e.g. --responses '{"approve": true}'. Answers are checked
against each request's type; a wrong answer exits 2 and consumes nothing, so the run stays
resumable. Requests left unanswered are asked on the terminal when stdin is one.

Options:
  --responses JSON      answers by request id
  --series ID           the checkpoint series to continue (default: the last run in DIR)
  --file FILE           the workflow file (default: the one recorded in DIR/trellis-run.json)
  --json                one JSON event per line on stdout, and nothing else
  --max-iterations N    the superstep limit

${MODEL}

${EXIT_CODES}`,
  validate: `Usage: trellis validate FILE...

Checks workflow files and prints one line per problem:
  FILE:LINE:COLUMN CODE MESSAGE
or 'FILE: ok' for a file without problems. Exits 1 if any file has a problem.`,
  viz: `Usage: trellis viz FILE [--dot]

Prints the workflow's graph as a Mermaid flowchart, or with --dot as Graphviz DOT.`,
};

/** `trellis --help`. */
export const MAIN_HELP = `Usage: trellis <command> [options]

Commands:
  run FILE        run a workflow file
  resume DIR      continue a paused or interrupted run saved in DIR
  validate FILE…  check workflow files
  viz FILE        draw a workflow as Mermaid (or DOT with --dot)

Options:
  -h, --help      show help (also: trellis <command> --help)
  -v, --version   show the version

${MODEL}

${EXIT_CODES}`;
