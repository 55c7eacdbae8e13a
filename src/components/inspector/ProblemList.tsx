import type { Problem } from '@trellis/engine';

/** Problems of a node or edge that no field of the form shows (a missing key, the node as a whole). */
export function ProblemList({ problems, testId }: { problems: readonly Problem[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="inspector-problems" data-testid={testId} aria-label="Problems">
      {problems.map((problem, index) => (
        <li key={`${String(index)}:${problem.code}`} className="field-error">
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
