import { WorkflowLoadError } from '../errors.js';
import type { Workflow } from '../workflow.js';
import { compileValidated, type CompileWorkflowOptions } from './compile.js';
import { parseWorkflowYaml } from './parse.js';

/**
 * Parses a `*.workflow.yaml` text and compiles it into a runnable `Workflow` (the seed's
 * `load_workflow_from_yaml`). Every problem (of the file, and of what the compiler found: a
 * `use:` naming a missing function, code or CEL that does not compile, a `ref` that does not
 * resolve) is thrown at once in a `WorkflowLoadError`, each with its line and column.
 *
 * A `ref:` sub-workflow is resolved with `options.resolveRef`; use `loadWorkflowFromYamlFile`
 * (in `@trellis/engine/node`) to resolve refs against files. `function` code is trusted code (see
 * the `function` executor): load only files you trust.
 *
 * @example
 * ```ts
 * const workflow = loadWorkflowFromYaml(text, { client })
 * const events = await workflow.run('Create a blog post')
 * ```
 */
export function loadWorkflowFromYaml(text: string, options: CompileWorkflowOptions = {}): Workflow {
  if (typeof text !== 'string') throw new TypeError(`loadWorkflowFromYaml(text) needs the YAML text, got ${typeof text}`);
  const { definition, problems } = parseWorkflowYaml(text);
  if (problems.length > 0 || definition === undefined) {
    throw new WorkflowLoadError(
      problems.length > 0 ? problems : [{ code: 'invalid_value', message: 'the text holds no workflow', line: 1, column: 1 }],
    );
  }
  return compileValidated(definition, options, { text });
}
