import type { z } from 'zod';
import type { ConnectedAs, Cursor, Page, Person, RecordRef, SourceKind } from './connector.ts';
import { type ConnectorDeps, parseConfig, type RateSpec } from './descriptor.ts';
import type { SetupMethod } from './setup.ts';

export interface SourcePage extends Page<Person> {
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
  recordUrl(ref: RecordRef): string;
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
      const source = create(parseConfig(kind, config, rawConfig), deps);
      if (source.kind !== kind) throw new TypeError(`${kind} descriptor created a ${source.kind} source`);
      return source;
    },
  };
}
