import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backlogFor, idealRequestsPerCall, perCall, scaleBucket, sustainedRates } from './crm-stats.ts';

describe('idealRequestsPerCall', () => {
  it('shares the requests of one batch among the calls it takes', () => {
    expect(idealRequestsPerCall(2, 100)).toBe(0.02);
    expect(idealRequestsPerCall(1, 1)).toBe(1);
  });

  it('refuses a batch with no request or no call', () => {
    expect(() => idealRequestsPerCall(0, 100)).toThrow(RangeError);
    expect(() => idealRequestsPerCall(1, 0)).toThrow(RangeError);
    expect(() => idealRequestsPerCall(1, 2.5)).toThrow(RangeError);
  });
});

describe('perCall', () => {
  it('divides requests by logged calls, and gives null when nothing was logged', () => {
    expect(perCall(20, 1000)).toBe(0.02);
    expect(perCall(5, 0)).toBeNull();
  });
});

describe('sustainedRates', () => {
  it('counts only accepted requests against the bound over the span', () => {
    const rates = sustainedRates(
      { requests: 60, rateLimited: 6, logged: 2700, elapsedMs: 15_000 },
      { requests: 20, perMs: 5_000 },
    );
    expect(rates.fractionOfBound).toBeCloseTo(54 / 60);
    expect(rates.acceptedPerSecond).toBeCloseTo(3.6);
    expect(rates.loggedPerSecond).toBeCloseTo(180);
    expect(rates.rateLimitedShare).toBeCloseTo(0.1);
  });

  it('reports no 429 share when nothing was sent, and refuses an empty span', () => {
    const limit = { requests: 10, perMs: 1_000 };
    expect(sustainedRates({ requests: 0, rateLimited: 0, logged: 0, elapsedMs: 1_000 }, limit)).toMatchObject(
      {
        rateLimitedShare: 0,
        fractionOfBound: 0,
      },
    );
    expect(() => sustainedRates({ requests: 1, rateLimited: 0, logged: 1, elapsedMs: 0 }, limit)).toThrow(
      RangeError,
    );
  });
});

describe('backlogFor', () => {
  it('waits enough calls for every request the limit allows over the span, with the margin', () => {
    expect(backlogFor({ requests: 20, perMs: 5_000 }, 15_000, 50)).toBe(4_500);
    expect(backlogFor({ requests: 25, perMs: 1_000 }, 3_000, 1, 1)).toBe(75);
  });
});

describe('scaleBucket', () => {
  it('leaves a bucket unchanged when the bench budget is the real one', () => {
    const bucket = { capacity: 11, refillPerSecond: 9.9 };
    const real = { requests: 110, perMs: 10_000 };
    expect(scaleBucket(bucket, real, real)).toEqual(bucket);
  });

  it('keeps one token of burst when the scaled burst would be less, so a request can still be paid', () => {
    const day = { requests: 100_000, perMs: 86_400_000 };
    const scaled = scaleBucket({ capacity: 5_000, refillPerSecond: (95_000 * 1000) / day.perMs }, day, {
      requests: 10,
      perMs: 12_000,
    });
    expect(scaled.capacity).toBe(1);
    expect(scaled.capacity + (scaled.refillPerSecond * 12_000) / 1000).toBeCloseTo(10);
  });

  it('keeps a bucket within its budget within the scaled one, with a burst of at least one request', () => {
    const budget = fc.record({
      requests: fc.integer({ min: 1, max: 100_000 }),
      perMs: fc.integer({ min: 100, max: 86_400_000 }),
    });
    fc.assert(
      fc.property(budget, budget, fc.double({ min: 0, max: 1, noNaN: true }), (real, bench, burst) => {
        const capacity = real.requests * burst;
        const bucket = { capacity, refillPerSecond: ((real.requests - capacity) * 1000) / real.perMs };
        const scaled = scaleBucket(bucket, real, bench);
        const perWindow = scaled.capacity + (scaled.refillPerSecond * bench.perMs) / 1000;
        expect(perWindow).toBeLessThanOrEqual(Math.max(1, bench.requests) * (1 + 1e-9));
        expect(scaled.capacity).toBeGreaterThanOrEqual(1);
        if (capacity * (bench.requests / real.requests) >= 1)
          expect(scaled.capacity / bench.requests).toBeCloseTo(burst);
      }),
    );
  });
});
