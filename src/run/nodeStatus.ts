import type { NodeStatus } from './runState.ts';

/** A node status in words, for its badge and for screen readers. */
export const NODE_STATUS_LABEL: Readonly<Record<NodeStatus, string>> = {
  idle: 'Idle',
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  waiting: 'Waiting for you',
};
