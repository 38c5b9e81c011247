import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  CRM_ERROR_KINDS,
  CrmError,
  type CrmErrorKind,
  isCrmError,
  retryDecision,
} from './errors.ts';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 2_000 };
const half = () => 0.5;

function error(kind: CrmErrorKind, retryAfterMs?: number): CrmError {
  return new CrmError(kind, `HubSpot said ${kind}`, {
    crm: 'hubspot',
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

describe('CrmError', () => {
  it('keeps its kind, the admin message and the cause the CRM gave', () => {
    const cause = new Error('socket hang up');
    const e = new CrmError('unavailable', 'HubSpot did not answer.', { crm: 'hubspot', status: 503, cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CrmError');
    expect(e.kind).toBe('unavailable');
    expect(e.message).toBe('HubSpot did not answer.');
    expect(e.cause).toBe(cause);
    expect(e.detail.status).toBe(503);
  });

  it('is told apart from other errors and from look-alike objects', () => {
    expect(isCrmError(error('auth'))).toBe(true);
    expect(isCrmError(new Error('auth'))).toBe(false);
    expect(isCrmError({ kind: 'auth', message: 'x', detail: { crm: 'hubspot' } })).toBe(false);
  });
});

describe('retryDecision', () => {
  it.each([
    ['auth', undefined, 1, { action: 'park', reason: 'Reconnect needed: HubSpot said auth' }],
    ['auth', undefined, 9, { action: 'park', reason: 'Reconnect needed: HubSpot said auth' }],
    ['invalid', undefined, 1, { action: 'dead', reason: 'HubSpot said invalid' }],
    ['not_found', undefined, 1, { action: 'dead', reason: 'HubSpot said not_found' }],
    ['conflict', undefined, 1, { action: 'retry', delayMs: 0 }],
    ['conflict', undefined, 2, { action: 'dead', reason: 'HubSpot said conflict' }],
    ['rate_limited', 7_000, 1, { action: 'retry', delayMs: 7_000 }],
    ['rate_limited', 60_000, 4, { action: 'retry', delayMs: 60_000 }],
    ['rate_limited', undefined, 1, { action: 'retry', delayMs: 50 }],
    [
      'rate_limited',
      7_000,
      5,
      { action: 'dead', reason: 'HubSpot said rate_limited (gave up after 5 attempts)' },
    ],
    ['unavailable', undefined, 1, { action: 'retry', delayMs: 50 }],
    ['unavailable', undefined, 3, { action: 'retry', delayMs: 200 }],
    ['unavailable', undefined, 4, { action: 'retry', delayMs: 400 }],
    ['unavailable', 1_500, 2, { action: 'retry', delayMs: 1_500 }],
    [
      'unavailable',
      undefined,
      5,
      { action: 'dead', reason: 'HubSpot said unavailable (gave up after 5 attempts)' },
    ],
  ] as const)('%s (retry-after %s) after attempt %i → %j', (kind, retryAfterMs, attempt, expected) => {
    expect(retryDecision(error(kind, retryAfterMs), attempt, policy, half)).toEqual(expected);
  });

  it('caps the backoff at maxDelayMs however many attempts failed', () => {
    const long = { maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 2_000 };
    expect(retryDecision(error('unavailable'), 60, long, () => 0.999)).toEqual({
      action: 'retry',
      delayMs: 1_998,
    });
  });

  it('delays stay within bounds and attempts at or past the maximum are dead, whatever the kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CRM_ERROR_KINDS),
        fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
        fc.integer({ min: 1, max: 200 }),
        fc.record({
          maxAttempts: fc.integer({ min: 1, max: 20 }),
          baseDelayMs: fc.integer({ min: 1, max: 10_000 }),
          maxDelayMs: fc.integer({ min: 1, max: 600_000 }),
        }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (kind, retryAfterMs, attempt, p, r) => {
          const decision = retryDecision(error(kind, retryAfterMs), attempt, p, () => r);
          if (kind === 'auth') expect(decision.action).toBe('park');
          else if (attempt >= p.maxAttempts) expect(decision.action).toBe('dead');
          if (decision.action !== 'retry') return;
          expect(attempt).toBeLessThan(p.maxAttempts);
          if (kind === 'conflict') expect(decision.delayMs).toBe(0);
          else if (retryAfterMs !== undefined) expect(decision.delayMs).toBe(retryAfterMs);
          else {
            expect(decision.delayMs).toBeGreaterThanOrEqual(0);
            expect(decision.delayMs).toBeLessThan(Math.max(1, p.maxDelayMs));
            expect(Number.isInteger(decision.delayMs)).toBe(true);
          }
        },
      ),
    );
  });

  it('backoff grows with attempts until the cap', () => {
    const top = () => 0.999_999;
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, policy, top));
    expect(delays).toEqual([99, 199, 399, 799, 1_599, 1_999]);
  });
});
