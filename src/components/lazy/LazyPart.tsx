import { Component, Suspense, type ReactNode } from 'react';
import './lazy.css';
import { isLoadFailure } from './loadFailure.ts';

interface LazyPartProps {
  /** What is loading, for the status line: "the settings", "the shortcuts". */
  what: string;
  /** The prefix of the status lines' test ids (`<testId>.loading`, `<testId>.load-error`). */
  testId: string;
  /** Gives up on the part (the owner stops rendering it); offered when its code could not be loaded. */
  onClose: () => void;
  /** The lazily loaded part (a `React.lazy` component). */
  children: ReactNode;
}

/**
 * A part of the UI whose code is loaded when it is first shown (a dialog opened by the user), so
 * the first page does not carry it: a status line while the code arrives, and an alert with a
 * Close button when it cannot be loaded (offline, or a new deployment removed the old chunk).
 */
export function LazyPart({ what, testId, onClose, children }: LazyPartProps) {
  return (
    <LoadFailureBoundary what={what} testId={testId} onClose={onClose}>
      <Suspense
        fallback={
          <p className="lazy-status" role="status" data-testid={`${testId}.loading`}>
            Loading {what}…
          </p>
        }
      >
        {children}
      </Suspense>
    </LoadFailureBoundary>
  );
}

interface LoadFailureState {
  /** What the part threw; undefined while all is well. */
  failure: { readonly error: unknown } | undefined;
}

/**
 * Shows a part whose code could not be downloaded as an alert instead of unmounting the whole
 * app. Any other error (a bug in the part's rendering) is thrown on to the boundaries above: it
 * is no connection problem, and telling the user to check theirs would mislead.
 */
class LoadFailureBoundary extends Component<LazyPartProps, LoadFailureState> {
  override state: LoadFailureState = { failure: undefined };

  static getDerivedStateFromError(error: unknown): LoadFailureState {
    return { failure: { error } };
  }

  override render() {
    const { what, testId, onClose, children } = this.props;
    if (this.state.failure === undefined) return children;
    const { error } = this.state.failure;
    if (!isLoadFailure(error)) throw error;
    return (
      <div className="lazy-status lazy-status-failed" role="alert" data-testid={`${testId}.load-error`}>
        <p>
          Could not load {what}: {error.message}. Check the connection and reload the page.
        </p>
        <button type="button" className="button" data-testid={`${testId}.load-error.close`} onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
}
