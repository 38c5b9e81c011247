import { type ConnectionKind, CRM_LABELS } from './connector.ts';
import type { RateBudget, RateSpec } from './descriptor.ts';
import { backoffDelayMs, CrmError, type RetryPolicy } from './errors.ts';

/** Same shape as core's bus bucket; declared here because connectors never import core. */
export interface TokenBucket {
  capacity: number;
  refillPerSecond: number;
}

/** Core's `bus.take` satisfies this, so every instance draws on one budget per connection. */
export interface RateLimiter {
  take(key: string, bucket: TokenBucket, cost?: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A bucket that never lets more than `budget.requests` through in any window of `budget.perMs`:
 * a full bucket plus a window's refill is exactly the budget. A bucket as large as the budget would
 * allow twice the budget in one window (a burst, then a window's refill) and draw the CRM's 429s.
 * The price is sustained throughput of (1 − burstFraction) of the budget. 0.05, not 0.1: the sync
 * aims at 0.9 of a CRM's limit under a backlog (`npm run bench`), and at 0.1 the steady state is
 * 0.9 exactly, so any pause of the worker fell below it; 5 % still lets a batch's few requests
 * (HubSpot 5 of 110, Odoo 30 of 600) go at once and absorbs the worker's gaps between batches.
 */
export function budgetToBucket(budget: RateBudget, burstFraction = 0.05): TokenBucket {
  const capacity = Math.max(1, Math.floor(budget.requests * burstFraction));
  const refill = Math.max(0, budget.requests - capacity);
  return { capacity, refillPerSecond: (refill * 1000) / budget.perMs };
}

/** `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to the base URL; an absolute URL (a paging link) must be on the base URL's origin. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (XML-RPC); set its content-type in `headers`. */
  body?: string;
  /**
   * Whether sending twice is harmless. GET, PUT and DELETE are; POST and PATCH are not unless the
   * caller says so (an upsert by unique key). A non-idempotent request is retried only on 429,
   * which the CRM answers before doing anything.
   */
  idempotent?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** From `Retry-After` (or the descriptor's header), when the CRM sent one. */
  retryAfterMs?: number;
  /** From the descriptor's `remainingHeader`, when the CRM sent one. */
  remaining?: number;
  /** The body parsed as JSON; throws `CrmError('unavailable')` when it is not JSON (a proxy's error page). */
  json(): unknown;
}

export interface HttpClientOptions {
  crm: ConnectionKind;
  baseUrl: string;
  rate: RateSpec;
  limiter: RateLimiter;
  rateKey: string;
  clock: Clock;
  /** The connector's reading of a response it will not retry: vendor status and body to a CrmError. */
  toCrmError(response: HttpResponse): CrmError;
  /** Called before every attempt, so a token refreshed meanwhile is the one sent. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof fetch;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Default: 4 attempts, backoff from 250 ms capped at 8 s. */
  retry?: RetryPolicy;
  /**
   * Longest the engine waits inline, for budget or for a Retry-After; default 30 s. A longer wait
   * becomes `CrmError('rate_limited')` so the sync worker reschedules the row instead of holding it.
   */
  maxWaitMs?: number;
  random?: () => number;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };
// 429 and 503 mean the CRM did not act on the request; other 5xx may come after it did.
const RETRY_ALWAYS = new Set([429, 503]);
const RETRY_IF_IDEMPOTENT = new Set([408, 500, 502, 504]);

class Timeout extends Error {}

/** The one HTTP engine every connector calls: budget, timeout, Retry-After, backoff with jitter. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.baseUrl);
  const label = CRM_LABELS[options.crm];
  const bucket = budgetToBucket(options.rate.budget);
  const policy = options.retry ?? DEFAULT_RETRY;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetch ?? fetch;
  const { clock } = options;

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
      await clock.sleep(pause);
    }
  }

  function resolve(request: HttpRequest): URL {
    let url: URL;
    if (/^[a-z][a-z0-9+.-]*:/i.test(request.path)) {
      url = new URL(request.path);
      if (url.origin !== base.origin) {
        // Our headers carry the connection's token; it must never reach another host.
        throw new CrmError(
          'invalid',
          `${label} pointed to another host (${url.host}); the request was not sent.`,
          {
            crm: options.crm,
          },
        );
      }
    } else {
      url = new URL(`${base.href.replace(/\/+$/, '')}/${request.path.replace(/^\/+/, '')}`);
    }
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  function toResponse(status: number, headers: Headers, text: string): HttpResponse {
    const retryAfter = options.rate.retryAfterHeader ? headers.get(options.rate.retryAfterHeader) : null;
    const retryAfterMs = parseRetryAfter(retryAfter ?? headers.get('retry-after'), clock.now());
    const remainingRaw = options.rate.remainingHeader ? headers.get(options.rate.remainingHeader) : null;
    const remaining =
      remainingRaw !== null && /^\d+$/.test(remainingRaw.trim()) ? Number(remainingRaw) : undefined;
    return {
      status,
      headers,
      text,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(remaining === undefined ? {} : { remaining }),
      json() {
        try {
          return JSON.parse(text);
        } catch (cause) {
          throw new CrmError(
            'unavailable',
            `${label} answered with something that is not JSON (HTTP ${status}).`,
            {
              crm: options.crm,
              status,
              cause,
            },
          );
        }
      },
    };
  }

  async function send(url: URL, request: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...(await options.headers?.()), ...request.headers };
    let body: string | undefined = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] ??= 'application/json';
    }
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? 15_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Timeout()), timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method: request.method,
        headers,
        body,
        signal: controller.signal,
      });
      // Reading the body stays under the timeout: a CRM can stall mid-body as well as before it.
      const text = await response.text();
      return toResponse(response.status, response.headers, text);
    } catch (cause) {
      const message =
        controller.signal.reason instanceof Timeout
          ? `${label} did not answer within ${timeoutMs} ms.`
          : `Parley could not reach ${label} at ${base.host}.`;
      throw new CrmError('unavailable', message, { crm: options.crm, cause });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The CRM's own wait reaches the worker even when a connector's `toCrmError` forgot to copy it. */
  function failure(response: HttpResponse): CrmError {
    const error = options.toCrmError(response);
    if (
      !(error.kind === 'rate_limited' || error.kind === 'unavailable') ||
      error.detail.retryAfterMs !== undefined ||
      response.retryAfterMs === undefined
    ) {
      return error;
    }
    return new CrmError(error.kind, error.message, { ...error.detail, retryAfterMs: response.retryAfterMs });
  }

  return {
    async request(request) {
      const url = resolve(request);
      const idempotent = request.idempotent ?? !(request.method === 'POST' || request.method === 'PATCH');
      for (let attempt = 1; ; attempt++) {
        const last = attempt >= policy.maxAttempts;
        await waitForBudget();
        let response: HttpResponse;
        try {
          response = await send(url, request);
        } catch (error) {
          if (last || !idempotent) throw error;
          await clock.sleep(backoffDelayMs(attempt, policy, random));
          continue;
        }
        if (response.status >= 200 && response.status < 300) return response;
        const retryable =
          RETRY_ALWAYS.has(response.status) || (idempotent && RETRY_IF_IDEMPOTENT.has(response.status));
        if (!retryable || last) throw failure(response);
        const wait = response.retryAfterMs ?? backoffDelayMs(attempt, policy, random);
        if (wait > maxWaitMs) throw failure(response);
        await clock.sleep(wait);
      }
    },
  };
}
