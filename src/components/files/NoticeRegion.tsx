import { useEffect, useState, type FocusEvent } from 'react';
import { autoHideMs, type Notice } from '../../designer/files/notices.ts';

interface NoticeItemProps {
  notice: Notice;
  /** While the pointer or the focus is on the notices, none hides itself. */
  paused: boolean;
  onDismiss: (id: number) => void;
}

function NoticeItem({ notice, paused, onDismiss }: NoticeItemProps) {
  useEffect(() => {
    const delay = autoHideMs(notice.kind);
    if (delay === undefined || paused) return undefined;
    const timer = window.setTimeout(() => {
      onDismiss(notice.id);
    }, delay);
    return () => {
      window.clearTimeout(timer);
    };
  }, [notice, paused, onDismiss]);

  return (
    <li className={`notice is-${notice.kind}`} data-testid="notices.item" data-kind={notice.kind}>
      <span className="notice-message" data-testid="notices.message">
        {notice.message}
      </span>
      <button
        type="button"
        className="notice-dismiss"
        data-testid="notices.dismiss"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => {
          onDismiss(notice.id);
        }}
      >
        ×
      </button>
    </li>
  );
}

interface NoticeRegionProps {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}

/**
 * Where file results and errors appear: a polite live region for results and an alert region
 * for errors, both always in the page so screen readers announce what is added. Results hide by
 * themselves after a few seconds (not while pointed at or focused); errors stay until dismissed.
 */
export function NoticeRegion({ notices, onDismiss }: NoticeRegionProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // a dismissed last notice takes the focus and the pointer with it, without blur or leave events
  if (notices.length === 0 && (hovered || focused)) {
    setHovered(false);
    setFocused(false);
  }
  const paused = hovered || focused;
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocused(false);
  };
  const list = (items: readonly Notice[]) =>
    items.length > 0 && (
      <ul className="notice-list">
        {items.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} paused={paused} onDismiss={onDismiss} />
        ))}
      </ul>
    );

  return (
    <section
      className="notices"
      aria-label="Notifications"
      data-testid="notices"
      onPointerEnter={() => {
        setHovered(true);
      }}
      onPointerLeave={() => {
        setHovered(false);
      }}
      onFocus={() => {
        setFocused(true);
      }}
      onBlur={onBlur}
    >
      <div role="status">{list(notices.filter((notice) => notice.kind !== 'error'))}</div>
      <div role="alert">{list(notices.filter((notice) => notice.kind === 'error'))}</div>
    </section>
  );
}
