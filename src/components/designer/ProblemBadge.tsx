import type { NodeId } from '../../model/index.ts';
import { selectNodeProblems } from '../../store/index.ts';
import { useDesigner } from '../../designer/useDesigner.ts';

/** The number of a node's validation problems, with their messages as a tooltip; nothing when none. */
export function ProblemBadge({ nodeId }: { nodeId: NodeId }) {
  const problems = useDesigner((state) => selectNodeProblems(state, nodeId));
  if (problems.length === 0) return null;
  const messages = problems.map((problem) => problem.message).join('\n');
  return (
    <span
      className="problem-badge"
      data-testid="canvas.node.problems"
      title={messages}
      role="img"
      aria-label={`${String(problems.length)} problem${problems.length === 1 ? '' : 's'}: ${messages}`}
    >
      {problems.length}
    </span>
  );
}
