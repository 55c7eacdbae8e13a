import type { Problem } from '@trellis/engine';
import { useMemo } from 'react';
import { useDesignerShallow } from '../../designer/useDesigner.ts';
import { indexProblems, type TargetedProblem } from '../../model/index.ts';
import type { DesignerState } from '../../store/index.ts';

const selectProblemSources = (state: DesignerState) => ({
  definition: state.definition,
  problems: state.yamlProblems,
  parsed: state.yamlParsed,
});

/** How many problems the document has (the Problems tab's count). */
export const selectProblemCount = (state: DesignerState): number => state.yamlProblems.length;

/**
 * Every problem of the document, each placed on its node, edge or the workflow. They are the
 * store's `yamlProblems` (the engine's parse and validation problems of the text, with lines),
 * placed by the model's `indexProblems`, so nothing is validated a second time here. While the
 * text does not parse, its problems belong to the text, not to the last good graph's nodes.
 */
export function useDocumentProblems(): { readonly problems: readonly TargetedProblem[]; readonly parsed: boolean } {
  const { definition, problems, parsed } = useDesignerShallow(selectProblemSources);
  return useMemo(
    () => ({
      parsed,
      problems: parsed
        ? indexProblems(definition, problems).all
        : problems.map((problem: Problem) => ({ problem, target: { kind: 'workflow' } as const })),
    }),
    [definition, problems, parsed],
  );
}
