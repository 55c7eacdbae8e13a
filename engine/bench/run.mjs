// Engine benchmark: five workloads (W1-W5) timed against plain async function calls doing the same
// work in the same process. Imports the BUILT engine (`npm run build -w engine` first).
//
//   cd engine && npm run bench            # human-readable report
//   cd engine && npm run bench -- --json  # machine-readable results on stdout
//   cd engine && npm run bench -- --only W2,W3
//
// Method: for each workload, gc() once (when --expose-gc is on), then warm-up runs, then several
// timed runs back to back; median and minimum are reported. No gc() right before a timed run: that
// makes V8 re-optimise the hot functions inside the timed section and roughly triples the figure.
// Graph building is never timed. Every run's result is checked; a wrong result exits with code 1.
// Targets are informational: a MISS does not change the exit code.

import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const JSON_MODE = process.argv.includes('--json');
// --only W2,W3 runs just those workloads (for profiling: node --cpu-prof bench/run.mjs --only W3)
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg === -1 ? undefined : new Set((process.argv[onlyArg + 1] ?? '').toUpperCase().split(','));
const log = JSON_MODE ? () => {} : (line = '') => process.stdout.write(`${line}\n`);
const warn = (line) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Load the built engine

// TRELLIS_BENCH_ENGINE=/path/to/dist/index.js measures another build (e.g. a patched copy) instead.
const altEntry = process.env.TRELLIS_BENCH_ENGINE || undefined;
const distEntry = altEntry ?? fileURLToPath(new URL('../dist/index.js', import.meta.url));
const srcDir = fileURLToPath(new URL('../src', import.meta.url));
if (!existsSync(distEntry)) {
  warn(`bench: the built engine is missing (${distEntry}).`);
  warn('bench: build it first with `npm run build -w engine` (from the repository root), then run `npm run bench` again.');
  process.exit(1);
}
if (altEntry === undefined) warnIfStale();
else warn(`bench: measuring ${altEntry} (TRELLIS_BENCH_ENGINE)`);

let engine;
try {
  engine = await import(altEntry === undefined ? '@trellis/engine' : pathToFileURL(altEntry).href);
} catch (error) {
  warn(`bench: could not import '@trellis/engine' (${error instanceof Error ? error.message : String(error)}).`);
  warn('bench: run `npm install` and `npm run build -w engine` from the repository root.');
  process.exit(1);
}
const { WorkflowBuilder, executor } = engine;

/** Warns (does not fail) when a source file is newer than the build: the figures would be of old code. */
function warnIfStale() {
  const built = statSync(distEntry).mtimeMs;
  let newest = 0;
  let newestFile = '';
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const mtime = statSync(path).mtimeMs;
        if (mtime > newest) [newest, newestFile] = [mtime, path];
      }
    }
  };
  if (existsSync(srcDir)) walk(srcDir);
  if (newest > built) warn(`bench: warning: ${newestFile} is newer than engine/dist; run \`npm run build -w engine\` to measure it.`);
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : undefined;
if (gc === undefined) warn('bench: note: run with --expose-gc (npm run bench does) for a clean heap before each workload.');

class BenchFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new BenchFailure(message);
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls. `fn` returns a value given to `verify`
 * outside the timed section. Returns the sorted durations in milliseconds.
 */
async function measure(fn, verify, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) verify(await fn());
  const times = new Array(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const value = await fn();
    const t1 = performance.now();
    times[i] = t1 - t0;
    verify(value);
  }
  return times.sort((a, b) => a - b);
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(sorted) {
  return { medianMs: median(sorted), minMs: sorted[0], maxMs: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * Runs one workload: gc() once, then the baseline series, then the engine series.
 * `stepsPerSample` is the number of executor invocations in one timed sample; `runsPerSample` the
 * number of workflow runs in it (1 except for W5).
 */
async function workload(spec) {
  gc?.();
  const baseline = summarise(await measure(spec.baseline, spec.verifyBaseline, spec.counts));
  const run = summarise(await measure(spec.engine, spec.verifyEngine, spec.counts));
  const engineFigures = {
    ...run,
    usPerStep: (run.medianMs * 1000) / spec.stepsPerSample,
    usPerStepMin: (run.minMs * 1000) / spec.stepsPerSample,
    usPerRun: (run.medianMs * 1000) / spec.runsPerSample,
    usPerRunMin: (run.minMs * 1000) / spec.runsPerSample,
  };
  let target;
  if (spec.target !== undefined) {
    const { label, metric, limit, strict = false } = spec.target;
    const actual = engineFigures[metric];
    target = { label, metric, limit, strict, actual, pass: strict ? actual < limit : actual <= limit };
  }
  return {
    id: spec.id,
    name: spec.name,
    stepsPerSample: spec.stepsPerSample,
    runsPerSample: spec.runsPerSample,
    warmupSamples: spec.counts.warmup,
    engine: engineFigures,
    baseline: { ...baseline, usPerStep: (baseline.medianMs * 1000) / spec.stepsPerSample },
    ratio: run.medianMs / baseline.medianMs,
    target,
  };
}

// ---------------------------------------------------------------------------------------------
// Workloads

const add1 = async (n) => n + 1;

/** Checks a run's outputs are exactly `[expected]`. */
function expectOutputs(result, expected, what) {
  const outputs = result.getOutputs();
  check(
    outputs.length === 1 && outputs[0] === expected,
    `${what}: expected outputs [${String(expected)}], got ${JSON.stringify(outputs).slice(0, 200)} (final state ${String(result.getFinalState())})`,
  );
}

/** A chain of `length` executors each adding 1; the last yields. */
function chainExecutors(length, prefix) {
  const steps = [];
  for (let i = 0; i < length - 1; i++) {
    steps.push(
      executor({ id: `${prefix}${i}`, input: 'number', output: 'number' }, async (n, ctx) => {
        await ctx.sendMessage(n + 1);
      }),
    );
  }
  steps.push(
    executor({ id: `${prefix}${length - 1}`, input: 'number', output: 'number' }, async (n, ctx) => {
      await ctx.yieldOutput(n + 1);
    }),
  );
  return steps;
}

// W1: chain of 1,000 (input 0 -> output 1000)
const W1_LENGTH = 1000;
function w1() {
  const steps = chainExecutors(W1_LENGTH, 'w1_');
  const workflow = new WorkflowBuilder({ startExecutor: steps[0], name: 'w1-chain', maxIterations: W1_LENGTH + 10 })
    .addChain(steps)
    .build();
  return {
    id: 'W1',
    name: 'chain of 1,000 executors',
    stepsPerSample: W1_LENGTH,
    runsPerSample: 1,
    counts: { warmup: 100, runs: 500 },
    baseline: async () => {
      let n = 0;
      for (let i = 0; i < W1_LENGTH; i++) n = await add1(n);
      return n;
    },
    verifyBaseline: (n) => check(n === W1_LENGTH, `W1 baseline: expected ${W1_LENGTH}, got ${n}`),
    engine: () => workflow.run(0),
    verifyEngine: (result) => expectOutputs(result, W1_LENGTH, 'W1'),
    target: { label: '<= 3 µs/step', metric: 'usPerStep', limit: 3 },
  };
}

// W2: one source fanning out to 1,000 executors, fan-in summing the list
const W2_WIDTH = 1000;
const W2_INPUT = 1;
// target k sends 2n + k; the fan-in checks source order and sums: 1000 * 2n + 0 + 1 + ... + 999
const W2_EXPECTED = W2_WIDTH * 2 * W2_INPUT + (W2_WIDTH * (W2_WIDTH - 1)) / 2;
function sumInOrder(list, n) {
  if (list.length !== W2_WIDTH) return NaN;
  let sum = 0;
  for (let k = 0; k < list.length; k++) {
    const v = list[k];
    if (v !== 2 * n + k) return NaN; // out of source order
    sum += v;
  }
  return sum;
}
function w2() {
  const source = executor({ id: 'w2_source', input: 'number', output: 'number' }, async (n, ctx) => {
    await ctx.sendMessage(n);
  });
  const targets = [];
  for (let k = 0; k < W2_WIDTH; k++) {
    targets.push(
      executor({ id: `w2_t${k}`, input: 'number', output: 'number' }, async (n, ctx) => {
        await ctx.sendMessage(2 * n + k);
      }),
    );
  }
  const sum = executor({ id: 'w2_sum', input: 'array', output: 'number' }, async (list, ctx) => {
    await ctx.yieldOutput(sumInOrder(list, W2_INPUT));
  });
  const workflow = new WorkflowBuilder({ startExecutor: source, name: 'w2-fan' })
    .addFanOutEdges(source, targets)
    .addFanInEdges(targets, sum)
    .build();
  const baseTarget = async (n, k) => 2 * n + k;
  const baseSource = async (n) => n;
  const baseSum = async (list) => sumInOrder(list, W2_INPUT);
  return {
    id: 'W2',
    name: 'fan-out/fan-in of 1,000',
    stepsPerSample: W2_WIDTH + 2,
    runsPerSample: 1,
    counts: { warmup: 40, runs: 250 },
    baseline: async () => {
      const n = await baseSource(W2_INPUT);
      const pending = new Array(W2_WIDTH);
      for (let k = 0; k < W2_WIDTH; k++) pending[k] = baseTarget(n, k);
      return baseSum(await Promise.all(pending));
    },
    verifyBaseline: (v) => check(v === W2_EXPECTED, `W2 baseline: expected ${W2_EXPECTED}, got ${v}`),
    engine: () => workflow.run(W2_INPUT),
    verifyEngine: (result) => expectOutputs(result, W2_EXPECTED, 'W2'),
    target: { label: '< 3 ms/run', metric: 'medianMs', limit: 3, strict: true },
  };
}

// W3: one executor looping on itself 10,000 times, then an exit executor
const W3_LOOPS = 10000;
function w3() {
  const loop = executor({ id: 'w3_loop', input: 'number', output: 'number' }, async (n, ctx) => {
    await ctx.sendMessage(n + 1);
  });
  const exit = executor({ id: 'w3_exit', input: 'number', output: 'number' }, async (n, ctx) => {
    await ctx.yieldOutput(n);
  });
  const workflow = new WorkflowBuilder({ startExecutor: loop, name: 'w3-loop', maxIterations: 20000 })
    .addEdge(loop, loop, { condition: (n) => n < W3_LOOPS })
    .addEdge(loop, exit, { condition: (n) => n >= W3_LOOPS })
    .build();
  const cont = (n) => n < W3_LOOPS;
  const baseExit = async (n) => n;
  return {
    id: 'W3',
    name: 'loop of 10,000',
    stepsPerSample: W3_LOOPS + 1,
    runsPerSample: 1,
    counts: { warmup: 10, runs: 80 },
    baseline: async () => {
      let n = 0;
      do n = await add1(n);
      while (cont(n));
      return baseExit(n);
    },
    verifyBaseline: (n) => check(n === W3_LOOPS, `W3 baseline: expected ${W3_LOOPS}, got ${n}`),
    engine: () => workflow.run(0),
    verifyEngine: (result) => expectOutputs(result, W3_LOOPS, 'W3'),
    target: { label: '<= 3 µs/step', metric: 'usPerStep', limit: 3 },
  };
}

// W4: W1 with an in-memory checkpoint after every superstep (needs engine checkpoints)
function w4() {
  const { InMemoryCheckpointStorage } = engine;
  if (typeof InMemoryCheckpointStorage !== 'function') return undefined;
  const steps = chainExecutors(W1_LENGTH, 'w4_');
  // A fresh storage and workflow per run (built outside the timed section), so checkpoints of
  // earlier runs neither accumulate nor collide with the series id.
  const build = () =>
    new WorkflowBuilder({
      startExecutor: steps[0],
      name: 'w4-chain-checkpointed',
      maxIterations: W1_LENGTH + 10,
      checkpointStorage: new InMemoryCheckpointStorage(),
    })
      .addChain(steps)
      .build();
  let next = build();
  // Baseline: the awaited add plus storing a small record of what is in flight after each step.
  const baseSave = async (store, record) => {
    store.set(record.checkpointId, record);
  };
  return {
    id: 'W4',
    name: 'chain of 1,000 + checkpoint each superstep',
    stepsPerSample: W1_LENGTH,
    runsPerSample: 1,
    counts: { warmup: 15, runs: 60 },
    baseline: async () => {
      const store = new Map();
      let n = 0;
      for (let i = 0; i < W1_LENGTH; i++) {
        n = await add1(n);
        await baseSave(store, {
          checkpointId: `bench-${i}`,
          superstep: i + 1,
          messages: [{ data: n, sourceId: 's', targetId: 't' }],
          state: {},
        });
      }
      return store.size === W1_LENGTH ? n : -1;
    },
    verifyBaseline: (n) => check(n === W1_LENGTH, `W4 baseline: expected ${W1_LENGTH}, got ${n}`),
    engine: () => {
      const workflow = next;
      return workflow.run(0, { checkpointId: 'bench' });
    },
    verifyEngine: (result) => {
      expectOutputs(result, W1_LENGTH, 'W4');
      const saved = result.events.filter((e) => e.type === 'checkpoint_saved').length;
      check(saved >= W1_LENGTH, `W4: expected a checkpoint_saved event per superstep (>= ${W1_LENGTH}), got ${saved}`);
      next = build();
    },
    target: { label: '<= 10 µs/step', metric: 'usPerStep', limit: 10 },
  };
}

// W6: resume a 100-executor workflow from a checkpoint (load, graph check, restore, last step)
const W6_LENGTH = 100;
async function w6() {
  const { InMemoryCheckpointStorage } = engine;
  if (typeof InMemoryCheckpointStorage !== 'function') return undefined;
  const storage = new InMemoryCheckpointStorage();
  const steps = chainExecutors(W6_LENGTH, 'w6_');
  const build = () =>
    new WorkflowBuilder({ startExecutor: steps[0], name: 'w6-resume', checkpointStorage: storage }).addChain(steps).build();
  await build().run(0, { checkpointId: 'w6' });
  // The checkpoint after superstep 99: one message left, for the last executor.
  const from = (await storage.list({ seriesId: 'w6' })).find((c) => c.superstep === W6_LENGTH - 1);
  check(from !== undefined, 'W6: the series has no checkpoint after superstep 99');
  let next = build();
  return {
    id: 'W6',
    name: 'resume a 100-executor workflow from a checkpoint',
    stepsPerSample: 1,
    runsPerSample: 1,
    counts: { warmup: 20, runs: 100 },
    // Baseline: the one step the resume runs, as a plain call.
    baseline: async () => add1(W6_LENGTH - 1),
    verifyBaseline: (n) => check(n === W6_LENGTH, `W6 baseline: expected ${W6_LENGTH}, got ${n}`),
    engine: () => next.resume(from.checkpointId),
    verifyEngine: (result) => {
      expectOutputs(result, W6_LENGTH, 'W6');
      next = build();
    },
    target: { label: '< 1 ms/resume', metric: 'usPerRun', limit: 1000, strict: true },
  };
}

// W7: load a 1,000-executor YAML file: parse, validate and compile (no run)
const W7_SIZE = 1000;
function w7() {
  const { parseWorkflowYaml, compileWorkflow } = engine;
  if (typeof parseWorkflowYaml !== 'function' || typeof compileWorkflow !== 'function') return undefined;
  const lines = ['workflow:', '  name: big', '  start: e0', '  executors:'];
  for (let i = 0; i < W7_SIZE; i++) {
    if (i % 2 === 0) lines.push(`    - id: e${i}`, '      type: function', '      code: |', '        return input + 1');
    else lines.push(`    - id: e${i}`, '      type: transform', '      expression: input + 1');
  }
  lines.push('  edges:');
  for (let i = 0; i < W7_SIZE - 1; i++) {
    lines.push(`    - from: e${i}`, `      to: e${i + 1}`);
    if (i % 3 === 0) lines.push('      condition: message >= 0');
  }
  lines.push('layout:');
  for (let i = 0; i < W7_SIZE; i++) lines.push(`  e${i}: { x: ${i * 240}, y: 0 }`);
  const text = `${lines.join('\n')}\n`;
  const { definition, problems } = parseWorkflowYaml(text);
  check(problems.length === 0 && definition !== undefined, `W7: the generated file has problems: ${JSON.stringify(problems.slice(0, 3))}`);
  const json = JSON.stringify(definition);
  return {
    id: 'W7',
    name: `load a ${W7_SIZE.toLocaleString('en')}-executor YAML file`,
    stepsPerSample: 1,
    runsPerSample: 1,
    counts: { warmup: 5, runs: 30 },
    // Baseline: the cheapest load of the same data, JSON.parse of its JSON text.
    baseline: async () => JSON.parse(json),
    verifyBaseline: (d) => check(d.workflow.executors.length === W7_SIZE, 'W7 baseline: wrong definition'),
    engine: async () => {
      const parsed = parseWorkflowYaml(text);
      return { parsed, workflow: compileWorkflow(parsed.definition) };
    },
    verifyEngine: ({ parsed, workflow }) =>
      check(
        parsed.problems.length === 0 && workflow.getExecutors().length === W7_SIZE,
        'W7: the file did not load into a 1,000-executor workflow',
      ),
    target: { label: '< 100 ms/load', metric: 'medianMs', limit: 100, strict: true },
  };
}

// W5: a 3-step pipeline run 10,000 times one after another on one workflow instance
const W5_RUNS = 10000;
const W5_STEPS = 3;
function w5() {
  const steps = chainExecutors(W5_STEPS, 'w5_');
  const workflow = new WorkflowBuilder({ startExecutor: steps[0], name: 'w5-pipeline' }).addChain(steps).build();
  return {
    id: 'W5',
    name: '10,000 sequential runs of a 3-step pipeline',
    stepsPerSample: W5_RUNS * W5_STEPS,
    runsPerSample: W5_RUNS,
    counts: { warmup: 3, runs: 25 },
    baseline: async () => {
      let wrong = 0;
      for (let i = 0; i < W5_RUNS; i++) {
        const out = await add1(await add1(await add1(i)));
        if (out !== i + W5_STEPS) wrong++;
      }
      return wrong;
    },
    verifyBaseline: (wrong) => check(wrong === 0, `W5 baseline: ${wrong} wrong results`),
    engine: async () => {
      let wrong = 0;
      let example;
      for (let i = 0; i < W5_RUNS; i++) {
        const result = await workflow.run(i);
        const outputs = result.getOutputs();
        if (outputs.length !== 1 || outputs[0] !== i + W5_STEPS) {
          wrong++;
          example ??= { input: i, outputs, state: result.getFinalState() };
        }
      }
      return { wrong, example };
    },
    verifyEngine: ({ wrong, example }) =>
      check(wrong === 0, `W5: ${wrong} of ${W5_RUNS} runs gave a wrong output, e.g. ${JSON.stringify(example)?.slice(0, 200)}`),
    target: { label: '< 15 µs/run', metric: 'usPerRun', limit: 15, strict: true },
  };
}

// ---------------------------------------------------------------------------------------------
// Peers' figures (from /work/shared/reference/engine-performance-notes.md): median µs per step on
// the same workloads, measured with a forced gc() before each timed run.

const PEERS = [
  { id: 'W1', plain: 0.09, xstate: 63, mastra: 764, langgraph: 803 },
  { id: 'W2', plain: 0.19, xstate: 1461, mastra: 1926, langgraph: 1002 },
  { id: 'W3', plain: 0.08, xstate: 35, mastra: 39, langgraph: 455 },
  { id: 'W4', plain: 0.51, xstate: 98, mastra: 1533, langgraph: 3510 },
  { id: 'W5', plain: 0.17, xstate: 34, mastra: 31, langgraph: 587 },
];

// ---------------------------------------------------------------------------------------------
// Main

const fmt = (value, digits = 2) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(digits));
const pad = (text, width) => String(text).padStart(width);
const padEnd = (text, width) => String(text).padEnd(width);

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.type()} ${os.release()} (${process.platform}/${process.arch})`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  exposeGc: gc !== undefined,
};

log('Trellis engine benchmark');
log(`date ${machine.date}`);
log(`node ${machine.node} (V8 ${machine.v8}), ${machine.platform}`);
log(`cpu  ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM`);
log('method: gc() once per workload, warm-up runs, then timed runs back to back (no gc() before each);');
log('        graph building not timed; baseline = plain async function calls doing the same work, same process.');
log();

const started = performance.now();
const results = [];
const skipped = [];
let failed = false;

const header = `${padEnd('', 4)} ${padEnd('workload', 44)} ${pad('runs', 5)} ${pad('median ms', 10)} ${pad('min ms', 9)} ${pad('µs/step', 8)} ${pad('min µs/st', 9)} ${pad('base µs/st', 10)} ${pad('ratio', 6)}  target`;
log(header);
log('-'.repeat(header.length + 16));

for (const make of [w1, w2, w3, w4, w5, w6, w7]) {
  if (ONLY !== undefined && !ONLY.has(make.name.toUpperCase())) continue;
  let spec;
  try {
    spec = await make();
  } catch (error) {
    warn(`bench: building ${make.name.toUpperCase()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    failed = true;
    continue;
  }
  if (spec === undefined) {
    const id = make.name.toUpperCase();
    skipped.push({ id, reason: 'checkpoints not implemented yet' });
    log(`${id}   skipped: checkpoints not implemented yet`);
    continue;
  }
  let r;
  try {
    r = await workload(spec);
  } catch (error) {
    failed = true;
    const message = error instanceof BenchFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    warn(`bench: ${spec.id} FAILED: ${message}`);
    log(`${spec.id}   FAILED (see stderr)`);
    continue;
  }
  results.push(r);
  const target = r.target ? `${r.target.label.padEnd(14)} ${r.target.pass ? 'PASS' : 'MISS'}` : '(no target)';
  log(
    `${padEnd(r.id, 4)} ${padEnd(r.name, 44)} ${pad(r.engine.runs, 5)} ${pad(fmt(r.engine.medianMs, 3), 10)} ${pad(fmt(r.engine.minMs, 3), 9)} ${pad(fmt(r.engine.usPerStep), 8)} ${pad(fmt(r.engine.usPerStepMin), 9)} ${pad(fmt(r.baseline.usPerStep, 3), 10)} ${pad(fmt(r.ratio, 1), 6)}x ${target}`,
  );
  if (r.id === 'W2') log(`${''.padEnd(49)} (${fmt(r.engine.medianMs, 3)} ms per run of ${r.stepsPerSample} steps)`);
  if (r.id === 'W7') log(`${''.padEnd(49)} (${fmt(r.engine.medianMs)} ms per load: parse, validate, compile)`);
  if (r.id === 'W6') log(`${''.padEnd(49)} (${fmt(r.engine.usPerRun)} µs per resume)`);
  if (r.id === 'W5') log(`${''.padEnd(49)} (${fmt(r.engine.usPerRun)} µs per run, ${fmt(r.engine.usPerStep)} µs per step)`);
}
const elapsedS = (performance.now() - started) / 1000;

log();
log('Peers (median µs per step, from the engine performance notes; measured with gc() before each run):');
log(
  `${padEnd('', 4)} ${pad('plain', 7)} ${pad('XState 5', 9)} ${pad('Mastra 0.24', 12)} ${pad('LangGraph.js 1.7', 17)} ${pad('this engine', 12)}`,
);
for (const p of PEERS) {
  const mine = results.find((r) => r.id === p.id);
  log(
    `${padEnd(p.id, 4)} ${pad(p.plain, 7)} ${pad(p.xstate, 9)} ${pad(p.mastra, 12)} ${pad(p.langgraph, 17)} ${pad(mine ? fmt(mine.engine.usPerStep) : '-', 12)}`,
  );
}
log(`Total ${elapsedS.toFixed(1)} s.${failed ? ' A workload FAILED: exit code 1.' : ''}`);

if (JSON_MODE) {
  process.stdout.write(`${JSON.stringify({ machine, elapsedS, ok: !failed, results, skipped, peers: PEERS }, null, 2)}\n`);
}
process.exitCode = failed ? 1 : 0;
