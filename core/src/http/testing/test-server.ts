import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ConnectionKind } from '@parley/connectors';
import type { Logger } from 'pino';
import type { Bus } from '../../bus/bus.ts';
import { createMemoryBus } from '../../bus/memory-bus.ts';
import { createSecretBox } from '../../crypto/secret-box.ts';
import { routingConfigCache } from '../../domain/calls/routing-config.ts';
import { createLogger } from '../../logging.ts';
import { createLogMailer, type LoggedEmail } from '../../mail/index.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { deterministicMatcher } from '../../routing/intent-match.ts';
import type { Services } from '../../services.ts';
import type { Db } from '../../store/db.ts';
import { pgliteTestStore } from '../../store/testing.ts';
import type { Descriptors } from '../../sync/connector-cache.ts';
import { type CrmApp, createCrmServices } from '../../sync/crm-services.ts';
import { installedConnectors, installedSources } from '../../sync/registry.ts';
import { accountCarriers } from '../../telephony/account-carriers.ts';
import type { Carrier } from '../../telephony/carrier.ts';
import { createSimulatorCarrier } from '../../telephony/simulator/simulator-carrier.ts';
import { createApp } from '../app.ts';

export interface TestServer {
  url: string;
  services: Services;
  /** Emails the log mailer "sent" (SMTP_URL unset). */
  emails: LoggedEmail[];
  /** Moves the server's clock (invitation expiry, previews). */
  travel(ms: number): void;
  close(): Promise<void>;
}

/** A real HTTP server on a random port over the embedded store, as `npm start` runs it. */
export async function startTestServer(
  options: {
    db?: Db;
    bus?: Bus;
    mailer?: Mailer;
    carrier?: Carrier;
    twilioApiBaseUrl?: string;
    log?: Logger;
    /** Instances of one deployment share the key (it derives the simulator's webhook token). */
    secretKey?: Buffer;
    /** The address Twilio posts to, when instances sit behind one load balancer. */
    publicUrl?: string;
    /** A fixed clock, for tests that compare records made at different times. */
    clock?: () => Date;
    /** CRM connectors and the OAuth apps registered with their emulators. */
    crm?: { descriptors?: Descriptors; apps?: Partial<Record<ConnectionKind, CrmApp>> };
  } = {},
): Promise<TestServer> {
  const store = options.db ? null : await pgliteTestStore.open();
  const db = options.db ?? store!.db;
  const emails: LoggedEmail[] = [];
  let offset = 0;
  const secrets = createSecretBox(options.secretKey ?? randomBytes(32));
  const carriers = accountCarriers(
    secrets,
    { carrier: options.carrier ?? createSimulatorCarrier(), credentials: null },
    options.twilioApiBaseUrl ? { apiBaseUrl: options.twilioApiBaseUrl } : undefined,
  );
  const bus = options.bus ?? createMemoryBus();
  const log = options.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const services: Services = {
    db,
    bus,
    log,
    mailer: options.mailer ?? createLogMailer((e) => emails.push(e)),
    secrets,
    ...carriers,
    voice: null,
    routingConfig: (() => {
      const cached = routingConfigCache();
      return (accountId: string, version: number) => cached(db, accountId, version);
    })(),
    intentMatcher: deterministicMatcher,
    crm: createCrmServices({
      db,
      secrets,
      limiter: bus,
      log,
      descriptors: options.crm?.descriptors ?? installedConnectors,
      sources: installedSources,
      apps: options.crm?.apps ?? {},
      // Browser tests frame the dialer from pages on other local ports, as a CRM would.
      frameAncestors: ['http://127.0.0.1:*', 'http://localhost:*'],
    }),
    publicUrl: 'http://localhost',
    production: false,
    now: () => new Date((options.clock?.() ?? new Date()).getTime() + offset),
  };
  const server = createApp(services).listen(0, '127.0.0.1');
  await new Promise<void>((done) => server.once('listening', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services.publicUrl = options.publicUrl ?? url;
  return {
    url,
    services,
    emails,
    travel: (ms) => {
      offset += ms;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      if (!options.bus) await services.bus.close();
      await store?.cleanup();
    },
  };
}
