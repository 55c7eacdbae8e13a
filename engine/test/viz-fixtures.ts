// Graphs and helpers shared by the WorkflowViz tests.
import { createHash } from 'node:crypto';
import { Case, Default, WorkflowBuilder, executor, type Workflow, type WorkflowContext } from '../src/index.js';
import { seedLinearWorkflow } from './helpers.js';

/** An executor that forwards whatever it receives. */
export const pass = (id: string) =>
  executor(id, async (message: unknown, ctx: WorkflowContext) => {
    await ctx.sendMessage(message);
  });

/** The digest computed independently of the engine: sha256(target|sorted sources), first 8 hex chars. */
export const digest = (target: string, sources: string[]) =>
  createHash('sha256')
    .update(`${target}|${[...sources].sort().join('|')}`)
    .digest('hex')
    .slice(0, 8);

export const DOT_HEADER = [
  'digraph Workflow {',
  '  rankdir=TD;',
  '  node [shape=box, style=filled, fillcolor=lightblue];',
  '  edge [color=black, arrowhead=vee];',
  '',
];

export const isUrgent = (data: unknown) => (data as { urgent?: boolean }).urgent === true;
export const isNormal = (data: unknown) => !isUrgent(data);
export const isSpam = (data: unknown) => data === 'spam';
export const isLegit = (data: unknown) => data === 'legit';

/** The seed's linear example (shared with the other tests). */
export function linear(): Workflow {
  return seedLinearWorkflow();
}

/** The seed's fan-out / fan-in example, with real fan-out and fan-in groups. */
export function fanOutFanIn(): Workflow {
  const broadcast = pass('broadcast');
  const processA = pass('process_a');
  const processB = pass('process_b');
  const collect = pass('collect');
  return new WorkflowBuilder({ startExecutor: broadcast })
    .addFanOutEdges(broadcast, [processA, processB])
    .addFanInEdges([processA, processB], collect)
    .build();
}

/** The seed's conditional branching example. */
export function conditional(): Workflow {
  const classifier = pass('classifier');
  const urgent = pass('urgent_handler');
  const normal = pass('normal_handler');
  return new WorkflowBuilder({ startExecutor: classifier })
    .addEdge(classifier, urgent, { condition: isUrgent })
    .addEdge(classifier, normal, { condition: isNormal })
    .build();
}

/** A switch-case group after a plain edge. */
export function switchCase(): Workflow {
  const store = pass('store');
  const detect = pass('detect');
  const spam = pass('handle_spam');
  const reply = pass('draft_reply');
  const uncertain = pass('handle_uncertain');
  return new WorkflowBuilder({ startExecutor: store })
    .addEdge(store, detect)
    .addSwitchCaseEdgeGroup(detect, [new Case(isSpam, spam), new Case(isLegit, reply), new Default(uncertain)])
    .build();
}
