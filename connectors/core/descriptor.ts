import type { z } from 'zod';
import { type ConnectionKind, CRM_LABELS, type CrmConnector, type CrmKind } from './connector.ts';
import { CrmError } from './errors.ts';
import type { Clock, RateLimiter } from './http.ts';
import type { SetupMethod } from './setup.ts';
import type { WebhookSpec } from './webhook.ts';

export interface RateBudget {
  requests: number;
  perMs: number;
}

/** Rate facts as data: only `http.ts` reads them, so no connector hand-rolls a limiter. */
export interface RateSpec {
  /** The CRM's documented limit for one connection; the shared bucket keeps N instances under it together. */
  budget: RateBudget;
  /** Header carrying the wait on a 429 when the CRM does not use `Retry-After`. */
  retryAfterHeader?: string;
  /** Header carrying the requests left in the CRM's window. */
  remainingHeader?: string;
}

/** What a CRM can do, as data, so the worker and the conformance suite adapt without `if (kind === …)`. */
export interface Capabilities {
  /** Many call logs in one request. */
  batchUpsert: boolean;
  /** The CRM upserts on a unique key itself, rather than the connector searching before it creates. */
  upsertByUniqueKey: boolean;
  /** Most records one batch request takes; 1 when `batchUpsert` is false. */
  maxBatchSize: number;
}

export interface ConnectorLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** What the host (core) gives every connector; the connector builds its HTTP client from these. */
export interface ConnectorDeps {
  limiter: RateLimiter;
  /** One key per CRM connection, so all instances share that connection's budget. */
  rateKey: string;
  clock: Clock;
  log: ConnectorLog;
  /**
   * Called with the connector's whole new configuration when it changed credentials on its own
   * (an OAuth refresh), so the host stores them before the old ones stop working.
   */
  saveConfig?: (config: unknown) => Promise<void>;
}

export interface ConnectorDescriptor<K extends CrmKind = CrmKind, C = unknown> {
  readonly kind: K;
  readonly config: z.ZodType<C>;
  readonly rate: RateSpec;
  readonly capabilities: Capabilities;
  /** How an admin connects it: OAuth (HubSpot, Salesforce, Attio) or a form of credentials (Odoo). */
  readonly setup: SetupMethod<C>;
  /** Present when the CRM pushes contact changes to Parley (HubSpot, Attio); others are polled. */
  readonly webhook?: WebhookSpec;
  /**
   * Origins the CRM shows Parley's dialer from (its calling widget, softphone, app frame), for the
   * dialer's `frame-ancestors`; a self-hosted CRM's own host comes from each connection instead.
   */
  readonly frameOrigins: readonly string[];
  create(config: C, deps: ConnectorDeps): CrmConnector;
  /** Parses stored configuration, then creates: the entry point for callers that hold only JSON. */
  connect(rawConfig: unknown, deps: ConnectorDeps): CrmConnector;
}

/** The shape the registry `satisfies`, so a missing CRM or a descriptor under the wrong key fails to compile. */
export type ConnectorRegistry = { readonly [K in CrmKind]: ConnectorDescriptor<K> };

export interface ConnectorDefinition<K extends CrmKind, C> {
  kind: K;
  config: z.ZodType<C>;
  rate: RateSpec;
  capabilities: Capabilities;
  setup: SetupMethod<C>;
  webhook?: WebhookSpec;
  frameOrigins?: readonly string[];
  create(config: C, deps: ConnectorDeps): CrmConnector;
}

export function defineConnector<const K extends CrmKind, C>(
  definition: ConnectorDefinition<K, C>,
): ConnectorDescriptor<K, C> {
  const { kind, config, rate, capabilities, create, setup, webhook, frameOrigins = [] } = definition;
  if (!Number.isInteger(capabilities.maxBatchSize) || capabilities.maxBatchSize < 1) {
    throw new RangeError(`${kind}: maxBatchSize must be a positive integer`);
  }
  if (!capabilities.batchUpsert && capabilities.maxBatchSize !== 1) {
    throw new RangeError(`${kind}: maxBatchSize must be 1 without batchUpsert`);
  }
  if (rate.budget.requests < 1 || rate.budget.perMs <= 0) {
    throw new RangeError(`${kind}: a rate budget needs at least one request per positive window`);
  }
  return {
    kind,
    config,
    rate,
    capabilities,
    setup,
    ...(webhook ? { webhook } : {}),
    frameOrigins,
    create,
    connect(rawConfig, deps) {
      const connector = create(parseConfig(kind, config, rawConfig), deps);
      if (connector.kind !== kind)
        throw new TypeError(`${kind} descriptor created a ${connector.kind} connector`);
      return connector;
    },
  };
}

/** Stored configuration parsed, or the admin-facing error saying to reconnect: shared by connectors and sources. */
export function parseConfig<C>(kind: ConnectionKind, schema: z.ZodType<C>, raw: unknown): C {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  throw new CrmError(
    'invalid',
    `The ${CRM_LABELS[kind]} connection's settings are incomplete or wrong (${fields}); reconnect it.`,
    { crm: kind, cause: parsed.error },
  );
}
