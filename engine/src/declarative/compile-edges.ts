import { Case, Default, type EdgeCondition } from '../builder/edge-groups.js';
import type { WorkflowBuilder } from '../builder/workflow-builder.js';
import { describeValueType } from '../types/type-spec.js';
import { CelExpressionError, compileCel } from './cel.js';
import type { ProblemSink } from './compile-problems.js';
import type { DeclarativeScope } from './compile-scope.js';
import type { PathSegment } from './problems.js';
import type { EdgeDefinition } from './schema.js';

/** The variables an edge condition or switch case sees. */
export const CONDITION_VARIABLES = ['message', 'state', 'inputs'] as const;

/**
 * Compiles a CEL condition into an engine edge condition over the message, with `state` and
 * `inputs` from the scope. It must give a CEL `bool`: anything else fails the run with an error
 * naming the expression (the engine adds the edge). The function is named after the expression,
 * so diagrams label the edge with it and the graph hash covers it.
 */
export function celCondition(expression: string, scope: DeclarativeScope): EdgeCondition {
  const compiled = compileCel(expression, CONDITION_VARIABLES);
  const condition = (message: unknown): boolean => {
    const value = compiled({ message, state: scope.state, inputs: scope.inputs });
    if (typeof value !== 'boolean') {
      throw new TypeError(`the CEL condition '${expression}' must give a bool, got ${describeValueType(value)} ${JSON.stringify(value)}`);
    }
    return value;
  };
  Object.defineProperty(condition, 'name', { value: expression });
  return condition;
}

/** Adds one edge definition (number `index` of its body) to the builder; reports CEL problems to `problems`. */
export function addEdge(
  builder: WorkflowBuilder,
  edge: EdgeDefinition,
  index: number,
  scope: DeclarativeScope,
  problems: ProblemSink,
): void {
  const condition = (expression: string, path: PathSegment[]): EdgeCondition | undefined => {
    try {
      return celCondition(expression, scope);
    } catch (error) {
      if (!(error instanceof CelExpressionError)) throw error;
      const site = { path: ['edges', index, ...path], edge: index, ...(error.offset === undefined ? {} : { offset: error.offset }) };
      problems.report('cel_syntax', `the condition of edge #${String(index)} is not valid: ${error.message}`, site);
      return undefined;
    }
  };
  if ('switch' in edge) {
    const cases: (Case | Default)[] = [];
    edge.switch.forEach((entry, j) => {
      if ('default' in entry) {
        cases.push(new Default(entry.default));
        return;
      }
      const when = condition(entry.when, ['switch', j, 'when']);
      if (when !== undefined) cases.push(new Case(when, entry.to));
    });
    if (cases.length === edge.switch.length) builder.addSwitchCaseEdgeGroup(edge.from, cases);
  } else if (Array.isArray(edge.from)) {
    builder.addFanInEdges(edge.from, edge.to as string);
  } else if (Array.isArray(edge.to)) {
    builder.addFanOutEdges(edge.from, edge.to);
  } else if ('condition' in edge && edge.condition !== undefined) {
    const when = condition(edge.condition, ['condition']);
    if (when !== undefined) builder.addEdge(edge.from, edge.to, { condition: when });
  } else {
    builder.addEdge(edge.from, edge.to);
  }
}
