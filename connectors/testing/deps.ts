import type { ConnectorDeps, ConnectorLog } from '../core/descriptor.ts';
import { type Clock, type RateLimiter, systemClock } from '../core/http.ts';

const silent: ConnectorLog = { debug() {}, info() {}, warn() {}, error() {} };

/** Never limits: conformance tests exercise the CRM's own 429s, not Parley's budget. */
export const unlimited: RateLimiter = { take: async () => ({ allowed: true, retryAfterMs: 0 }) };

/** Real time, scaled down: Retry-After and backoff waits pass quickly but in order. */
export function fastClock(factor = 100): Clock {
  return { now: () => Date.now(), sleep: (ms) => systemClock.sleep(Math.ceil(ms / factor)) };
}

export function testDeps(overrides: Partial<ConnectorDeps> = {}): ConnectorDeps {
  return { limiter: unlimited, rateKey: 'test', clock: fastClock(), log: silent, ...overrides };
}
