/**
 * A sync worker in its own process, for the fault test that kills it with SIGKILL: PostgreSQL in
 * the test's schema, the test's secret key, the connectors of the registry. Not for production:
 * `parley worker` is.
 */
import { createMemoryBus } from '../../bus/memory-bus.ts';
import { createSecretBox } from '../../crypto/secret-box.ts';
import { createLogger } from '../../logging.ts';
import { createPostgresDb } from '../../store/postgres-db.ts';
import { connectorCache } from '../connector-cache.ts';
import { installedConnectors } from '../registry.ts';
import { startSyncWorker } from '../worker.ts';

const { DATABASE_URL, PARLEY_TEST_SCHEMA, PARLEY_TEST_SECRET_KEY, PARLEY_TEST_LEASE_MS } = process.env;
if (!DATABASE_URL || !PARLEY_TEST_SCHEMA || !PARLEY_TEST_SECRET_KEY) {
  throw new Error('worker-main needs DATABASE_URL, PARLEY_TEST_SCHEMA and PARLEY_TEST_SECRET_KEY');
}
const db = await createPostgresDb({ url: DATABASE_URL, schema: PARLEY_TEST_SCHEMA, maxConnections: 5 });
const bus = createMemoryBus();
const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const secrets = createSecretBox(Buffer.from(PARLEY_TEST_SECRET_KEY, 'hex'));
startSyncWorker({
  db,
  bus,
  connectorFor: connectorCache({ db, secrets, limiter: bus, log, descriptors: installedConnectors }),
  log,
  instanceId: `worker-${process.pid}`,
  leaseMs: Number(PARLEY_TEST_LEASE_MS ?? 3_000),
  idleMs: 50,
  retry: { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 1_000 },
});
process.send?.('ready');
