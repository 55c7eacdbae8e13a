import { describe, expect, it } from 'vitest';
import { autoHideMs, MAX_NOTICES, noticesAfter, type Notice } from './notices.ts';

const notice = (id: number, message = `n${String(id)}`, kind: Notice['kind'] = 'success'): Notice => ({ id, kind, message });

describe('notices', () => {
  it('adds last and keeps only the newest few', () => {
    let notices: readonly Notice[] = [];
    for (let id = 1; id <= MAX_NOTICES + 2; id++) notices = noticesAfter(notices, { type: 'add', notice: notice(id) });
    expect(notices.map((n) => n.id)).toEqual([3, 4, 5]);
  });

  it('replaces an older copy of the same message', () => {
    const notices = noticesAfter([notice(1, 'Saved'), notice(2, 'Other')], { type: 'add', notice: notice(3, 'Saved') });
    expect(notices.map((n) => n.id)).toEqual([2, 3]);
  });

  it('dismisses by id', () => {
    expect(noticesAfter([notice(1), notice(2)], { type: 'dismiss', id: 1 })).toEqual([notice(2)]);
  });

  it('hides success and warnings by themselves, never errors', () => {
    expect(autoHideMs('success')).toBeGreaterThan(0);
    expect(autoHideMs('warning')).toBeGreaterThan(autoHideMs('success') ?? 0);
    expect(autoHideMs('error')).toBeUndefined();
  });
});
