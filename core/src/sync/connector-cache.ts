import type {
  Capabilities,
  ConnectorDeps,
  ConnectorDescriptor,
  ContactSource,
  ContactSourceDescriptor,
  CrmConnector,
  CrmKind,
  RateLimiter,
  SourceKind,
} from '@parley/connectors';
import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../store/db.ts';
import { type ConnectionRow, openConfig, replaceConfig } from './connections.ts';

export interface BuiltConnector {
  connector: CrmConnector;
  capabilities: Capabilities;
}

export type Descriptors = { readonly [K in CrmKind]?: ConnectorDescriptor<K> };
export type SourceDescriptors = { readonly [K in SourceKind]?: ContactSourceDescriptor<K> };

/** What contact sync needs of a connection, whether it is a CRM or a contact source. */
export type ContactFeed = Pick<CrmConnector, 'verify' | 'changedContacts'>;

export interface ConnectorHost {
  db: Db;
  secrets: SecretBox;
  limiter: RateLimiter;
  log: Logger;
  descriptors: Descriptors;
  sources?: SourceDescriptors;
}

type Built = { kind: 'crm'; built: BuiltConnector } | { kind: 'source'; source: ContactSource };

function hostDeps(host: ConnectorHost, row: ConnectionRow): ConnectorDeps {
  const log = host.log.child({ crm: row.kind, connectionId: row.id });
  return {
    limiter: host.limiter,
    // Every instance draws on one budget per connection: N workers together stay under the CRM's limit.
    rateKey: `crm:${row.id}`,
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    log: {
      debug: (fields, message) => log.debug(fields, message),
      info: (fields, message) => log.info(fields, message),
      warn: (fields, message) => log.warn(fields, message),
      error: (fields, message) => log.error(fields, message),
    },
    saveConfig: async (config) => {
      await replaceConfig(host.db, host.secrets, row.id, config);
      log.info({}, 'refreshed credentials stored');
    },
  };
}

/**
 * One connector per connection and configuration version: a connector keeps state worth keeping
 * (a refreshed token, a cached custom property), so it is rebuilt only when its stored config moved.
 */
export function connectorCache(host: ConnectorHost) {
  const cache = new Map<string, { version: number; built: Built }>();

  function build(row: ConnectionRow): Built {
    const version = row.updated_at.getTime();
    const cached = cache.get(row.id);
    if (cached && cached.version === version) return cached.built;
    const config = openConfig(host.secrets, row);
    const crm = host.descriptors[row.kind as CrmKind];
    const source = host.sources?.[row.kind as SourceKind];
    let built: Built;
    if (crm) {
      const connector = crm.connect(config, hostDeps(host, row));
      built = { kind: 'crm', built: { connector, capabilities: crm.capabilities } };
    } else if (source) {
      built = { kind: 'source', source: source.connect(config, hostDeps(host, row)) };
    } else {
      throw new Error(`No connector is installed for ${row.kind}`);
    }
    cache.set(row.id, { version, built });
    return built;
  }

  /** The CRM connector of a CRM connection; a contact source has none (it logs no calls). */
  function connectorFor(row: ConnectionRow): BuiltConnector {
    const built = build(row);
    if (built.kind !== 'crm') throw new Error(`${row.kind} is a contact source: it logs no calls`);
    return built.built;
  }
  /** The change feed of any connection, CRM or contact source. */
  function feedFor(row: ConnectionRow): ContactFeed {
    const built = build(row);
    return built.kind === 'crm' ? built.built.connector : built.source;
  }
  // One callable, so everything that logs calls keeps taking `connectorFor(row)`.
  return Object.assign(connectorFor, { feedFor });
}
export type ConnectorFor = ReturnType<typeof connectorCache>;
