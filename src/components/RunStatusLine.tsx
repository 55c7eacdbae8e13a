interface RunStatusLineProps {
  status: string;
  error: string | undefined;
}

/** The run's state, and the error of a failed run. */
export function RunStatusLine({ status, error }: RunStatusLineProps) {
  return (
    <div className="run-status">
      <p>
        Status:{' '}
        <strong data-testid="run-status" className={`status status-${status}`}>
          {status}
        </strong>
      </p>
      {error !== undefined && (
        <p className="run-error" role="alert" data-testid="run-error">
          {error}
        </p>
      )}
    </div>
  );
}
