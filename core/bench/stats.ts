/** Latency and throughput arithmetic for the bench report: pure, over plain arrays of numbers. */

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Nearest-rank percentile of samples sorted ascending: the smallest sample with at least p % of
 * the samples at or below it. Always one of the samples, never an interpolation, so a p99 is a
 * latency some request really had.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples: record at least one.');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100.`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Sorts a copy, so callers may keep recording into the array they pass. */
export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

/** null for no samples: a run that completed nothing has no latency, and the report says so. */
export function summarise(samples: ArrayLike<number>): Summary | null {
  if (samples.length === 0) return null;
  const sorted = sortedCopy(samples);
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: total / sorted.length,
  };
}

/** real / baseline; null when either side is missing or the baseline is zero. */
export function ratio(value: number | null | undefined, baseline: number | null | undefined): number | null {
  if (value == null || baseline == null || baseline === 0) return null;
  return value / baseline;
}
