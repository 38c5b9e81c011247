import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BucketState, fullAt, takeTokens } from './token-bucket.ts';

describe('takeTokens', () => {
  it('starts a new bucket full', () => {
    const { result } = takeTokens(undefined, { capacity: 3, refillPerSecond: 1 }, 1, 0);
    expect(result).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('never allows more than capacity plus what refilled over the elapsed time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 1, max: 50 })), {
          maxLength: 60,
        }),
        (capacity, refillPerSecond, steps) => {
          const bucket = { capacity, refillPerSecond };
          let state: BucketState | undefined;
          let now = 0;
          let spent = 0;
          for (const [gap, rawCost] of steps) {
            now += gap;
            const cost = Math.min(rawCost, capacity);
            const taken = takeTokens(state, bucket, cost, now);
            state = taken.state;
            if (taken.result.allowed) spent += cost;
            expect(taken.result.remaining).toBeGreaterThanOrEqual(0);
            expect(taken.result.remaining).toBeLessThanOrEqual(capacity);
            expect(taken.result.retryAfterMs > 0).toBe(!taken.result.allowed);
          }
          expect(spent).toBeLessThanOrEqual(capacity + (now * refillPerSecond) / 1000 + 1e-6);
        },
      ),
    );
  });

  it('a refused take succeeds once retryAfterMs has passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (capacity, refillPerSecond) => {
          const bucket = { capacity, refillPerSecond };
          let taken = takeTokens(undefined, bucket, capacity, 0);
          taken = takeTokens(taken.state, bucket, 1, 0);
          expect(taken.result.allowed).toBe(false);
          const retried = takeTokens(taken.state, bucket, 1, taken.result.retryAfterMs);
          expect(retried.result.allowed).toBe(true);
        },
      ),
    );
  });

  it('does not refill when the clock steps backwards', () => {
    const bucket = { capacity: 2, refillPerSecond: 1 };
    const drained = takeTokens(undefined, bucket, 2, 10_000);
    expect(takeTokens(drained.state, bucket, 1, 5_000).result.allowed).toBe(false);
  });

  it('says a bucket is full again after capacity minus tokens worth of refill', () => {
    expect(fullAt({ tokens: 1, updatedAt: 1_000 }, { capacity: 3, refillPerSecond: 2 })).toBe(2_000);
  });
});
