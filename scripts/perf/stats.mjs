// Small statistics for the performance scripts.

/**
 * The value at quantile q (0..1) of the numbers, by the nearest-rank method.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** @param {readonly number[]} values */
export function median(values) {
  return quantile(values, 0.5);
}

/**
 * Median, 95th percentile and maximum, in one object.
 * @param {readonly number[]} values
 */
export function summary(values) {
  return { median: median(values), p95: quantile(values, 0.95), max: values.length === 0 ? Number.NaN : Math.max(...values) };
}

/** @param {number} ms */
export function ms(ms) {
  return `${ms.toFixed(1)} ms`;
}
