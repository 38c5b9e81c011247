import { type ConnectionKind, CRM_LABELS } from './connector.ts';
import type { RateSpec } from './descriptor.ts';
import { backoffDelayMs, CrmError, isCrmError, type RetryPolicy } from './errors.ts';
import { budgetToBucket, type Clock, type RateLimiter } from './http.ts';

export interface AttemptOptions {
  crm: ConnectionKind;
  rate: RateSpec;
  limiter: RateLimiter;
  rateKey: string;
  clock: Clock;
  retry?: RetryPolicy;
  /** Longest inline wait for budget or a CRM's Retry-After; a longer one is thrown to the worker. */
  maxWaitMs?: number;
  random?: () => number;
}

export interface Attempt {
  /**
   * Whether running `op` twice is harmless. When it is not, only `rate_limited` is retried: the CRM
   * refused it before acting.
   */
  idempotent: boolean;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

/**
 * The budget and retry rule of `http.ts`, for clients that bring their own transport (jsforce,
 * xmlrpc): each try draws on the connection's shared budget; `op` throws `CrmError` already mapped
 * by the connector's `toCrmError`.
 */
export function createAttempts(options: AttemptOptions) {
  const bucket = budgetToBucket(options.rate.budget);
  const policy = options.retry ?? DEFAULT_RETRY;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const random = options.random ?? Math.random;
  const label = CRM_LABELS[options.crm];

  async function waitForBudget(): Promise<void> {
    let waited = 0;
    for (;;) {
      const taken = await options.limiter.take(options.rateKey, bucket);
      if (taken.allowed) return;
      if (waited + taken.retryAfterMs > maxWaitMs) {
        throw new CrmError(
          'rate_limited',
          `Parley has used this ${label} connection's request budget for now; the rest will follow automatically.`,
          { crm: options.crm, retryAfterMs: taken.retryAfterMs },
        );
      }
      const pause = Math.max(1, taken.retryAfterMs);
      waited += pause;
      await options.clock.sleep(pause);
    }
  }

  return async function attempt<T>(op: () => Promise<T>, how: Attempt): Promise<T> {
    for (let n = 1; ; n++) {
      await waitForBudget();
      try {
        return await op();
      } catch (error) {
        if (!isCrmError(error) || n >= policy.maxAttempts) throw error;
        const retryable = error.kind === 'rate_limited' || (how.idempotent && error.kind === 'unavailable');
        if (!retryable) throw error;
        const wait = error.detail.retryAfterMs ?? backoffDelayMs(n, policy, random);
        if (wait > maxWaitMs) throw error;
        await options.clock.sleep(wait);
      }
    }
  };
}
