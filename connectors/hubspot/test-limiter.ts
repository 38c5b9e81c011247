import type { RateLimiter, TokenBucket } from '../core/http.ts';

/** An in-memory token bucket per key, standing in for core's bus in tests that need real pacing. */
export function pacedLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key: string, bucket: TokenBucket, cost = 1) {
      const at = now();
      const held = buckets.get(key) ?? { tokens: bucket.capacity, at };
      const tokens = Math.min(
        bucket.capacity,
        held.tokens + ((at - held.at) / 1000) * bucket.refillPerSecond,
      );
      if (tokens >= cost) {
        buckets.set(key, { tokens: tokens - cost, at });
        return { allowed: true, retryAfterMs: 0 };
      }
      buckets.set(key, { tokens, at });
      return { allowed: false, retryAfterMs: Math.ceil(((cost - tokens) / bucket.refillPerSecond) * 1000) };
    },
  };
}
