import type { ConnectionKind } from './connector.ts';

export const CRM_ERROR_KINDS = [
  'auth',
  'rate_limited',
  'not_found',
  'invalid',
  'unavailable',
  'conflict',
] as const;
export type CrmErrorKind = (typeof CRM_ERROR_KINDS)[number];

export interface CrmErrorDetail {
  crm: ConnectionKind;
  /** The CRM's HTTP status, when the error came from a response. */
  status?: number;
  /** How long the CRM asked us to wait; set on `rate_limited` whenever the CRM said. */
  retryAfterMs?: number;
  /** The CRM's own error code (HubSpot `category`, Salesforce `errorCode`, Odoo fault name…). */
  vendorCode?: string;
  cause?: unknown;
}

/**
 * The only error a connector throws. The sync worker decides what to do from `kind` alone, so a
 * connector's job is to pick the right kind; the message is shown to an admin as is, so it says what
 * went wrong in the CRM's words and what to do, and never carries a token.
 */
export class CrmError extends Error {
  override name = 'CrmError';

  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly detail: CrmErrorDetail,
  ) {
    super(message, { cause: detail.cause });
  }
}

export function isCrmError(error: unknown): error is CrmError {
  return error instanceof CrmError;
}

export interface RetryPolicy {
  /** Attempts in all, the first included; the attempt numbered maxAttempts that fails is the last. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of the backoff; a CRM's own Retry-After is honoured even when longer. */
  maxDelayMs: number;
}

export type RetryDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'dead'; reason: string }
  | { action: 'park'; reason: string };

/**
 * Full jitter (a uniform delay up to the exponential cap) rather than equal jitter: many workers
 * failing at once then spread over the whole window instead of retrying together.
 */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * What the sync worker does after attempt number `attempt` (1 for the first) failed with `error`.
 * The one place where an error kind becomes an action, so no caller branches on a CRM's name.
 */
export function retryDecision(
  error: CrmError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): RetryDecision {
  switch (error.kind) {
    case 'auth':
      // Every retry would fail the same way until an admin reconnects; keep the row for then.
      return { action: 'park', reason: `Reconnect needed: ${error.message}` };
    case 'invalid':
    case 'not_found':
      return { action: 'dead', reason: error.message };
    case 'conflict':
      // The connector re-reads on the next attempt; a second conflict is not a race any more.
      return attempt <= 1 && attempt < policy.maxAttempts
        ? { action: 'retry', delayMs: 0 }
        : { action: 'dead', reason: error.message };
    case 'rate_limited':
    case 'unavailable': {
      if (attempt >= policy.maxAttempts) {
        return { action: 'dead', reason: `${error.message} (gave up after ${attempt} attempts)` };
      }
      const asked = error.detail.retryAfterMs;
      if (asked !== undefined) return { action: 'retry', delayMs: Math.max(0, asked) };
      return { action: 'retry', delayMs: backoffDelayMs(attempt, policy, random) };
    }
  }
}
