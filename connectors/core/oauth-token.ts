import type { ConnectionKind } from './connector.ts';
import type { RateSpec } from './descriptor.ts';
import type { CrmError } from './errors.ts';
import {
  type Clock,
  createHttpClient,
  type HttpClient,
  type HttpResponse,
  type RateLimiter,
  systemClock,
} from './http.ts';

/** The token endpoint is called at connect time too, before the host has a budget for the connection. */
const noBudget: RateLimiter = { take: async () => ({ allowed: true, retryAfterMs: 0 }) };

export interface TokenClientOptions {
  crm: ConnectionKind;
  baseUrl: string;
  rate: RateSpec;
  toCrmError(response: HttpResponse): CrmError;
  limiter?: RateLimiter;
  rateKey?: string;
  clock?: Clock;
  fetch?: typeof fetch;
}

/** What a connector's caller may tune about its token client (tests, connect-time calls). */
export type TokenClientTuning = Pick<TokenClientOptions, 'limiter' | 'rateKey' | 'clock' | 'fetch'>;

/** An HTTP client for a CRM's OAuth token endpoint: no bearer header (it would need a token to get one). */
export function createTokenClient(options: TokenClientOptions): HttpClient {
  return createHttpClient({
    crm: options.crm,
    baseUrl: options.baseUrl,
    rate: options.rate,
    limiter: options.limiter ?? noBudget,
    rateKey: options.rateKey ?? `${options.crm}:oauth`,
    clock: options.clock ?? systemClock,
    toCrmError: options.toCrmError,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** RFC 6749 §4.1.3 and §6: token requests are form-encoded POSTs. */
export function postTokenForm(
  http: HttpClient,
  path: string,
  form: Record<string, string>,
): Promise<HttpResponse> {
  return http.request({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}
