import type {
  Capabilities,
  ConnectorDescriptor,
  CrmConnector,
  CrmKind,
  RateLimiter,
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

export interface ConnectorHost {
  db: Db;
  secrets: SecretBox;
  limiter: RateLimiter;
  log: Logger;
  descriptors: Descriptors;
}

/**
 * One connector per connection and configuration version: a connector keeps state worth keeping
 * (a refreshed token, a cached custom property), so it is rebuilt only when its stored config moved.
 */
export function connectorCache(host: ConnectorHost) {
  const cache = new Map<string, { version: number; built: BuiltConnector }>();
  return function connectorFor(row: ConnectionRow): BuiltConnector {
    const version = row.updated_at.getTime();
    const cached = cache.get(row.id);
    if (cached && cached.version === version) return cached.built;
    const descriptor = host.descriptors[row.kind as CrmKind];
    if (!descriptor) throw new Error(`No connector is installed for ${row.kind}`);
    const log = host.log.child({ crm: row.kind, connectionId: row.id });
    const connector = descriptor.connect(openConfig(host.secrets, row), {
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
        log.info({}, 'refreshed CRM credentials stored');
      },
    });
    const built = { connector, capabilities: descriptor.capabilities };
    cache.set(row.id, { version, built });
    return built;
  };
}
export type ConnectorFor = ReturnType<typeof connectorCache>;
