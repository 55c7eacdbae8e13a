import { preview } from '../run/describeEvent.ts';

interface OutputListProps {
  outputs: readonly unknown[];
}

/** The run's workflow outputs: strings as they are, anything else as JSON. */
export function OutputList({ outputs }: OutputListProps) {
  return (
    <section className="panel" aria-labelledby="outputs-heading">
      <h2 id="outputs-heading">Outputs</h2>
      {outputs.length === 0 && <p className="empty">No outputs yet.</p>}
      <ol className="outputs" data-testid="outputs">
        {outputs.map((output, index) => (
          <li key={index} data-testid="output">
            {typeof output === 'string' ? output : preview(output)}
          </li>
        ))}
      </ol>
    </section>
  );
}
