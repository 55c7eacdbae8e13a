/**
 * React keys for rows that have no id of their own (the fields of an answer). A key follows its
 * row, not its index or its text: renaming a field keeps its row (and the focus in it), removing
 * one keeps the rows after it (and what is typed in them).
 */
export interface RowKeys {
  readonly keys: readonly string[];
  /** The number the next new key gets. */
  readonly next: number;
}

export const NO_ROW_KEYS: RowKeys = { keys: [], next: 0 };

/**
 * Keys for `count` rows: the same object when it already fits, else rows added at the end get
 * new keys and rows gone from the end lose theirs (an undo or a YAML edit changed the list).
 */
export function fitRowKeys(rows: RowKeys, count: number): RowKeys {
  if (rows.keys.length === count) return rows;
  if (rows.keys.length > count) return { keys: rows.keys.slice(0, count), next: rows.next };
  const added = Array.from({ length: count - rows.keys.length }, (_, offset) => `row-${String(rows.next + offset)}`);
  return { keys: [...rows.keys, ...added], next: rows.next + added.length };
}

/** The keys once the row at `index` is removed: the rows after it keep theirs. */
export function removeRowKey(rows: RowKeys, index: number): RowKeys {
  return { keys: rows.keys.filter((_, at) => at !== index), next: rows.next };
}
