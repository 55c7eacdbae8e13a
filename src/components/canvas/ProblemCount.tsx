import { useDesigner } from '../../designer/useDesigner.ts';
import { selectProblemCount } from './useDocumentProblems.ts';
import './canvas.css';

/** The count after the Problems tab's name: "Problems (3)". */
export function ProblemCount() {
  const count = useDesigner(selectProblemCount);
  return (
    <span className="problem-count" data-testid="side-panel.problemCount" data-count={count}>
      {' '}
      ({count})
    </span>
  );
}
