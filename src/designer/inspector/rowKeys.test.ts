import { describe, expect, it } from 'vitest';
import { NO_ROW_KEYS, fitRowKeys, removeRowKey } from './rowKeys.ts';

describe('row keys', () => {
  it('gives each row a key of its own and keeps them while the count holds', () => {
    const three = fitRowKeys(NO_ROW_KEYS, 3);
    expect(three.keys).toEqual(['row-0', 'row-1', 'row-2']);
    expect(fitRowKeys(three, 3)).toBe(three);
  });

  it('keeps the keys of the rows after a removed one, and never hands a key out twice', () => {
    const removed = removeRowKey(fitRowKeys(NO_ROW_KEYS, 3), 0);
    expect(removed.keys).toEqual(['row-1', 'row-2']);
    expect(fitRowKeys(removed, 3).keys).toEqual(['row-1', 'row-2', 'row-3']);
  });

  it('follows a list changed elsewhere: rows gone from the end lose their keys', () => {
    expect(fitRowKeys(fitRowKeys(NO_ROW_KEYS, 3), 1).keys).toEqual(['row-0']);
  });
});
