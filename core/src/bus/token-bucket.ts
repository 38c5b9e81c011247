import type { TakeResult, TokenBucket } from './bus.ts';

/**
 * Token bucket arithmetic for the in-process bus. The Redis bus runs the same steps in Lua
 * (redis-scripts.ts) so both agree; keep the two in step.
 */
/**
 * Tokens are fractional, so float rounding could leave a bucket 1e-15 short exactly when
 * retryAfterMs said it would be ready; the slack is far below anything a caller could exploit.
 */
const TOKEN_EPSILON = 1e-9;

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export function takeTokens(
  state: BucketState | undefined,
  bucket: TokenBucket,
  cost: number,
  now: number,
): { state: BucketState; result: TakeResult } {
  const perMs = bucket.refillPerSecond / 1000;
  const previous = state ?? { tokens: bucket.capacity, updatedAt: now };
  const elapsed = Math.max(0, now - previous.updatedAt);
  const available = Math.min(bucket.capacity, previous.tokens + elapsed * perMs);
  if (available + TOKEN_EPSILON >= cost) {
    const tokens = Math.max(0, available - cost);
    return {
      state: { tokens, updatedAt: now },
      result: { allowed: true, remaining: Math.floor(tokens), retryAfterMs: 0 },
    };
  }
  return {
    state: { tokens: available, updatedAt: now },
    result: {
      allowed: false,
      remaining: Math.floor(available),
      retryAfterMs: Math.ceil((cost - available) / perMs),
    },
  };
}

/** When an untouched bucket is full again, i.e. when forgetting it changes nothing. */
export function fullAt(state: BucketState, bucket: TokenBucket): number {
  return state.updatedAt + Math.ceil((bucket.capacity - state.tokens) / (bucket.refillPerSecond / 1000));
}
