import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, ratio, sortedCopy, summarise } from './stats.ts';

const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile', () => {
  it('takes the nearest rank: p50 and p99 of 1..100 are 50 and 99, p100 is the maximum', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
  });

  it('rounds the rank up, so a p99 of ten samples is the slowest one', () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(ten, 99)).toBe(10);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 51)).toBe(6);
  });

  it('refuses no samples and percentiles outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(/outside 0\.\.100/);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('is always one of the samples and never decreases as p grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (samples, a, b) => {
          const sorted = sortedCopy(samples);
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(samples).toContain(percentile(sorted, low));
          expect(percentile(sorted, low)).toBeLessThanOrEqual(percentile(sorted, high));
        },
      ),
    );
  });
});

describe('summarise', () => {
  it('gives count, extremes, mean and percentiles of unsorted samples without reordering them', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(summarise(samples)).toEqual({ count: 5, min: 1, p50: 3, p90: 5, p99: 5, max: 5, mean: 3 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('gives null for no samples', () => {
    expect(summarise([])).toBeNull();
  });

  it('does not depend on the order the samples were recorded in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }), (samples) => {
        const reversed = [...samples].reverse();
        expect(summarise(reversed)).toEqual(summarise(samples));
      }),
    );
  });
});

describe('ratio', () => {
  it('divides the value by the baseline, and gives null without a usable baseline', () => {
    expect(ratio(300, 1000)).toBeCloseTo(0.3);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 1)).toBeNull();
    expect(ratio(1, undefined)).toBeNull();
  });
});
