import xmlrpc from 'xmlrpc';
import type { z } from 'zod';
import { createAttempts } from '../core/attempts.ts';
import type { ConnectorDeps, RateSpec } from '../core/descriptor.ts';
import { CrmError } from '../core/errors.ts';
import type { OdooConfig } from './config.ts';
import { OdooTimeoutError, toCrmError } from './errors.ts';

/**
 * Odoo has no RPC rate limit of its own (research/odoo.md §0.9); what throttles is the worker pool
 * (each call holds a worker) and, on Odoo.sh, its front proxy. 10 requests a second per connection
 * leaves the instance's workers to its users. The proxy's own numbers are not published (verify).
 */
export const ODOO_RATE: RateSpec = { budget: { requests: 600, perMs: 60_000 } };

/** Per request; Odoo kills a worker after 120 s real time, so a longer wait would never be answered. */
const DEFAULT_TIMEOUT_MS = 30_000;

type ClientOptions = Exclude<Parameters<typeof xmlrpc.createClient>[0], string>;

export type OdooService = 'common' | 'object';

export interface ExecuteCall {
  model: string;
  method: string;
  args: unknown[];
  kwargs?: Record<string, unknown>;
  /** Reads, writes of the same values and message searches are; `create` and `message_post` are not. */
  idempotent: boolean;
}

export interface OdooClientOptions {
  timeoutMs?: number;
}

/** One XML-RPC call over npm `xmlrpc`, with the timeout and abort the package lacks. */
function callOnce(url: URL, method: string, params: unknown[], timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const abort = new AbortController();
    let settled = false;
    const finish = (error: unknown, value?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => {
      finish(new OdooTimeoutError(`no answer within ${Math.round(timeoutMs / 1000)} s`));
      abort.abort();
    }, timeoutMs);
    // `signal` is passed through to http.request by the package (its types omit it): the abort frees the socket.
    const options: ClientOptions & { signal: AbortSignal } = {
      host: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      signal: abort.signal,
    };
    const client =
      url.protocol === 'https:' ? xmlrpc.createSecureClient(options) : xmlrpc.createClient(options);
    client.methodCall(method, params, (error: unknown, value: unknown) => finish(error, value));
  });
}

/**
 * The only I/O of the Odoo connector: `common` (version, authenticate) and `object.execute_kw`,
 * each through the connection's shared budget and retry rule, each failure mapped by `toCrmError`.
 */
export class OdooClient {
  private readonly attempt: ReturnType<typeof createAttempts>;
  private readonly timeoutMs: number;
  private uidPromise: Promise<number> | null = null;

  constructor(
    private readonly config: OdooConfig,
    private readonly deps: ConnectorDeps,
    options: OdooClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.attempt = createAttempts({
      crm: 'odoo',
      rate: ODOO_RATE,
      limiter: deps.limiter,
      rateKey: deps.rateKey,
      clock: deps.clock,
    });
  }

  private endpoint(service: OdooService): URL {
    // https://www.odoo.com/documentation/17.0/developer/reference/external_api.html
    return new URL(`xmlrpc/2/${service}`, `${this.config.url}/`);
  }

  private rpc(service: OdooService, method: string, params: unknown[], idempotent: boolean) {
    const url = this.endpoint(service);
    return this.attempt(
      async () => {
        try {
          return await callOnce(url, method, params, this.timeoutMs);
        } catch (error) {
          throw toCrmError(error, { secrets: [this.config.apiKey], nowMs: this.deps.clock.now() });
        }
      },
      { idempotent },
    );
  }

  /** `common.version`: needs no credentials. */
  version(): Promise<unknown> {
    return this.rpc('common', 'version', [], true);
  }

  /** The user id the API key acts as; `authenticate` answers `false` (not a fault) for bad credentials. */
  uid(): Promise<number> {
    if (!this.uidPromise) {
      const { database, login, apiKey } = this.config;
      this.uidPromise = this.rpc('common', 'authenticate', [database, login, apiKey, {}], true).then(
        (uid) => {
          if (typeof uid === 'number' && Number.isInteger(uid) && uid > 0) return uid;
          throw new CrmError(
            'auth',
            `Odoo refused the login "${login}" with this API key on database "${database}": the key was revoked or belongs to another user. Create a new API key in Odoo (Preferences → Account Security) and reconnect.`,
            { crm: 'odoo', vendorCode: 'authenticate:false' },
          );
        },
      );
      // A failed login is not remembered: the next call tries again (the admin may have fixed it).
      this.uidPromise.catch(() => {
        this.uidPromise = null;
      });
    }
    return this.uidPromise;
  }

  /** `execute_kw`, its answer parsed with `schema`: what Odoo returned is data from outside. */
  async execute<T>(schema: z.ZodType<T>, call: ExecuteCall): Promise<T> {
    const uid = await this.uid();
    const { database, apiKey } = this.config;
    const raw = await this.rpc(
      'object',
      'execute_kw',
      [database, uid, apiKey, call.model, call.method, call.args, call.kwargs ?? {}],
      call.idempotent,
    );
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new CrmError(
        'invalid',
        `Odoo answered ${call.model}.${call.method} in a shape Parley does not expect (${parsed.error.issues[0]?.message ?? 'unknown'}); is this a supported Odoo version (17 or 18)?`,
        { crm: 'odoo', vendorCode: `${call.model}.${call.method}`, cause: parsed.error },
      );
    }
    return parsed.data;
  }
}
