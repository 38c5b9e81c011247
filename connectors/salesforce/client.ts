import { Connection } from 'jsforce';
import { Transport } from 'jsforce/lib/transport.js';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce/lib/types/common.js';
import { StreamPromise } from 'jsforce/lib/util/promise.js';
import { z } from 'zod';
import { createAttempts } from '../core/attempts.ts';
import type { ConnectorDeps, RateSpec } from '../core/descriptor.ts';
import { parseRetryAfter } from '../core/http.ts';
import type { SalesforceConfig } from './config.ts';
import { readErrorBody, SalesforceResponseError, toCrmError } from './errors.ts';

/** Tags Parley's writes (`Sforce-Call-Options: client=parley`) so change events can tell them from users'. */
export const PARLEY_CALL_CLIENT = 'parley';

/**
 * jsforce's own transport, with its inner retries off (429/5xx/socket errors on GETs, up to five
 * times, blind to Retry-After) so the shared budget and retry rule of `attempts.ts` decide alone,
 * and with every refusal except 401 thrown with its status and Retry-After, which jsforce's errors
 * drop. 401 goes on to jsforce, whose session delegate refreshes the token and replays.
 */
class ParleyTransport extends Transport {
  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number,
  ) {
    super();
  }

  override httpRequest(req: HttpRequest, options: HttpRequestOptions = {}): StreamPromise<HttpResponse> {
    const inner = super.httpRequest(req, { ...options, retry: { maxRetries: 0 }, timeout: this.timeoutMs });
    return StreamPromise.create(() => ({
      stream: inner.stream(),
      promise: inner.then((response) => {
        if (response.statusCode < 400 || response.statusCode === 401) return response;
        const retryAfter = parseRetryAfter(response.headers['retry-after'], this.now());
        throw new SalesforceResponseError(
          response.statusCode,
          readErrorBody(response.statusCode, response.body),
          retryAfter,
        );
      }),
    }));
  }
}

/**
 * Salesforce meters REST by a rolling 24-hour allocation per org, not per second: 100,000 requests
 * is the base of Enterprise, Unlimited and Performance orgs before per-licence additions (Developer
 * Edition has 15,000; verify with /limits). Parley keeps within the base so its sync never starves
 * the org's other integrations; the bucket's burst (a tenth) covers a backlog of batches.
 */
export const SALESFORCE_RATE: RateSpec = {
  budget: { requests: 100_000, perMs: 24 * 60 * 60 * 1000 },
};

export interface SalesforceClientOptions {
  timeoutMs?: number;
}

export type SalesforceClient = ReturnType<typeof createSalesforceClient>;

/**
 * The only place that talks to Salesforce: a jsforce Connection pinned to the configured API
 * version, each call drawn on the connection's shared budget and retried by the shared rule, and
 * refreshed tokens handed to `deps.saveConfig` before the call that needed them returns.
 */
export function createSalesforceClient(
  config: SalesforceConfig,
  deps: ConnectorDeps,
  options: SalesforceClientOptions = {},
) {
  let current = config;
  const canRefresh = Boolean(config.clientId && config.refreshToken);
  const conn = new Connection({
    version: config.apiVersion,
    loginUrl: config.loginUrl,
    instanceUrl: config.instanceUrl,
    accessToken: config.accessToken,
    ...(canRefresh
      ? {
          refreshToken: config.refreshToken,
          oauth2: {
            loginUrl: config.loginUrl,
            clientId: config.clientId,
            ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
          },
        }
      : {}),
    callOptions: { client: PARLEY_CALL_CLIENT },
  });
  conn._transport = new ParleyTransport(options.timeoutMs ?? 30_000, deps.clock.now);

  let saving: Promise<void> = Promise.resolve();
  const RefreshSchema = z.object({ refresh_token: z.string().optional() });
  conn.on('refresh', (accessToken: string, response: unknown) => {
    const rotated = RefreshSchema.safeParse(response);
    current = {
      ...current,
      accessToken,
      instanceUrl: conn.instanceUrl,
      ...(rotated.success && rotated.data.refresh_token ? { refreshToken: rotated.data.refresh_token } : {}),
    };
    const snapshot = current;
    saving = saving
      .then(() => deps.saveConfig?.(snapshot))
      .catch((error: unknown) => {
        deps.log.error(
          { crm: 'salesforce', error: String(error) },
          'could not store the refreshed Salesforce token',
        );
      });
  });

  const attempt = createAttempts({
    crm: 'salesforce',
    rate: SALESFORCE_RATE,
    limiter: deps.limiter,
    rateKey: deps.rateKey,
    clock: deps.clock,
  });

  return {
    conn,
    config: () => current,
    /** Runs one jsforce operation under the shared rule; `idempotent` says whether a replay is harmless. */
    call<T>(op: (connection: Connection) => Promise<T>, how: { idempotent: boolean }): Promise<T> {
      return attempt(async () => {
        try {
          return await op(conn);
        } catch (error) {
          throw toCrmError(error);
        } finally {
          await saving;
        }
      }, how);
    },
  };
}
