import { z } from 'zod';
import {
  type ConnectedAs,
  CRM_LABELS,
  type CrmKind,
  type Cursor,
  type Page,
  PersonSchema,
  RecordRefSchema,
} from './connector.ts';
import type { ConnectorDeps, RateSpec } from './descriptor.ts';
import { CrmError, type CrmErrorDetail, type CrmErrorKind, isCrmError } from './errors.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './http.ts';
import type { SetupMethod } from './setup.ts';

/**
 * Contact sources: address books Parley reads contacts from (Google Contacts), with no call logs,
 * notes or owners, so they are not `CrmConnector`s and not in `CRM_KINDS`.
 */
export const SOURCE_KINDS = ['google'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SOURCE_LABELS: Readonly<Record<SourceKind, string>> = { google: 'Google Contacts' };

/** A `RecordRef` naming a source instead of a CRM: `RecordRef.crm` only admits CRM kinds. */
export const SourceRefSchema = RecordRefSchema.extend({ crm: SourceKindSchema });
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A `Person` read from a source: the same fields, its ref naming the source. */
export const SourcePersonSchema = PersonSchema.extend({ ref: SourceRefSchema });
export type SourcePerson = z.infer<typeof SourcePersonSchema>;

export interface SourcePage extends Page<SourcePerson> {
  /**
   * The source could not resume where the cursor pointed (an expired sync token) and started a full
   * pass again: the items are everyone from the start, and people missing from the whole pass were
   * deleted meanwhile without the source saying so.
   */
  restarted: boolean;
}

export interface ContactSource {
  readonly kind: SourceKind;
  /** Who the stored credentials act as; throws `CrmError('auth')` when they no longer work. */
  verify(): Promise<ConnectedAs>;
  /** Contacts changed since `cursor` (from the beginning when null), a page at a time. */
  changedContacts(cursor: Cursor | null): Promise<SourcePage>;
  /** The source's page of a contact, for screen pops. Pure: no I/O. */
  recordUrl(ref: SourceRef): string;
}

export interface ContactSourceDescriptor<K extends SourceKind = SourceKind, C = unknown> {
  readonly kind: K;
  readonly config: z.ZodType<C>;
  readonly rate: RateSpec;
  /** Sources connect with OAuth only. */
  readonly setup: Extract<SetupMethod<C>, { kind: 'oauth' }>;
  create(config: C, deps: ConnectorDeps): ContactSource;
  /** Parses stored configuration, then creates: the entry point for callers that hold only JSON. */
  connect(rawConfig: unknown, deps: ConnectorDeps): ContactSource;
}

export interface ContactSourceDefinition<K extends SourceKind, C> {
  kind: K;
  config: z.ZodType<C>;
  rate: RateSpec;
  setup: Extract<SetupMethod<C>, { kind: 'oauth' }>;
  create(config: C, deps: ConnectorDeps): ContactSource;
}

/**
 * `CrmErrorDetail.crm` and the HTTP engine take a `CrmKind`, which a source is not. Until core widens
 * both to `CrmKind | SourceKind`, a source's errors carry this stand-in there, and their messages are
 * relabelled so an admin never reads another product's name.
 */
const STAND_IN: CrmKind = 'hubspot';

/** The one way a source builds a `CrmError`: its own label in the message, the stand-in in `detail`. */
export function sourceError(
  kind: CrmErrorKind,
  message: string,
  detail: Omit<CrmErrorDetail, 'crm'> = {},
): CrmError {
  return new CrmError(kind, message, { ...detail, crm: STAND_IN });
}

function relabel(error: CrmError, source: SourceKind): CrmError {
  const message = error.message.replaceAll(CRM_LABELS[STAND_IN], SOURCE_LABELS[source]);
  return message === error.message ? error : new CrmError(error.kind, message, error.detail);
}

/** Core's HTTP engine for a source, its own failures worded with the source's name. */
export function createSourceHttpClient(
  source: SourceKind,
  options: Omit<HttpClientOptions, 'crm'>,
): HttpClient {
  const http = createHttpClient({ ...options, crm: STAND_IN });
  return {
    async request(request) {
      try {
        return await http.request(request);
      } catch (error) {
        throw isCrmError(error) ? relabel(error, source) : error;
      }
    },
  };
}

export function defineContactSource<const K extends SourceKind, C>(
  definition: ContactSourceDefinition<K, C>,
): ContactSourceDescriptor<K, C> {
  const { kind, config, rate, setup, create } = definition;
  if (rate.budget.requests < 1 || rate.budget.perMs <= 0) {
    throw new RangeError(`${kind}: a rate budget needs at least one request per positive window`);
  }
  return {
    kind,
    config,
    rate,
    setup,
    create,
    connect(rawConfig, deps) {
      const parsed = config.safeParse(rawConfig);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
        throw sourceError(
          'invalid',
          `The ${SOURCE_LABELS[kind]} connection's settings are incomplete or wrong (${fields}); reconnect it.`,
          { cause: parsed.error },
        );
      }
      const source = create(parsed.data, deps);
      if (source.kind !== kind) throw new TypeError(`${kind} descriptor created a ${source.kind} source`);
      return source;
    },
  };
}
