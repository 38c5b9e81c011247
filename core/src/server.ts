import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { startCallPipeline } from './ai/pipeline/start.ts';
import { summariserFromEnv } from './ai/summary/index.ts';
import { transcriberFromEnv } from './ai/transcription/index.ts';
import { createBus } from './bus/index.ts';
import { ConfigError, type Env, publicUrl } from './config/env.ts';
import { createSecretBox } from './crypto/secret-box.ts';
import { resolveSecretKey } from './crypto/secret-key-file.ts';
import { routingConfigCache } from './domain/calls/routing-config.ts';
import { startRetentionJob } from './domain/recording-policy/retention.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logging.ts';
import { createMailer } from './mail/index.ts';
import { signedRecordingUrl } from './recordings/signed-url.ts';
import { deterministicMatcher } from './routing/intent-match.ts';
import { createLlmIntentMatcher } from './routing/llm-intent-matcher.ts';
import type { Services } from './services.ts';
import { migrate, openStore } from './store/index.ts';
import { createCrmServices, crmAppsFromEnv } from './sync/crm-services.ts';
import { installedConnectors, installedSources } from './sync/registry.ts';
import { startSyncWorker } from './sync/worker.ts';
import { accountCarriers } from './telephony/account-carriers.ts';
import { createCarrier } from './telephony/index.ts';

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Builds every dependency from the environment: the one place that knows which implementation runs. */
export async function buildServices(env: Env, log: Logger, port: number): Promise<Services> {
  const dataDir = resolve(env.PARLEY_DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const production = env.NODE_ENV === 'production';
  const key = await resolveSecretKey({
    envKey: env.PARLEY_SECRET_KEY,
    production,
    dataDir,
    warn: (m) => log.warn(m),
  });
  const secrets = createSecretBox(key);
  const db = await openStore({ databaseUrl: env.DATABASE_URL, dataDir });
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const bus = await createBus({ REDIS_URL: env.REDIS_URL });
  const mailer = createMailer({ SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM }, (mail) =>
    log.info({ mail }, 'email not sent (SMTP_URL unset): kept in the outbox and logged here'),
  );
  const deploymentCredentials =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN }
      : null;
  const deploymentCarrier = createCarrier(deploymentCredentials);
  return {
    db,
    bus,
    log,
    mailer,
    secrets,
    ...accountCarriers(secrets, { carrier: deploymentCarrier, credentials: deploymentCredentials }),
    voice:
      deploymentCredentials && env.TWILIO_API_KEY_SID && env.TWILIO_API_KEY_SECRET && env.TWILIO_TWIML_APP_SID
        ? {
            accountSid: deploymentCredentials.accountSid,
            apiKeySid: env.TWILIO_API_KEY_SID,
            apiKeySecret: env.TWILIO_API_KEY_SECRET,
            twimlAppSid: env.TWILIO_TWIML_APP_SID,
          }
        : null,
    routingConfig: (() => {
      const cached = routingConfigCache();
      return (accountId: string, version: number) => cached(db, accountId, version);
    })(),
    intentMatcher: env.LLM_BASE_URL
      ? createLlmIntentMatcher({
          baseUrl: env.LLM_BASE_URL,
          model: env.LLM_MODEL,
          ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}),
          onFallback: (reason) => log.warn({ reason }, 'AI receptionist fell back to phrase matching'),
        })
      : deterministicMatcher,
    crm: createCrmServices({
      db,
      secrets,
      limiter: bus,
      log,
      descriptors: installedConnectors,
      sources: installedSources,
      // Read raw: one family of variables per CRM in the registry, not a fixed list in the schema.
      apps: crmAppsFromEnv(process.env, { descriptors: installedConnectors, sources: installedSources }),
      frameAncestors: env.PARLEY_FRAME_ANCESTORS.split(/\s+/).filter(Boolean),
    }),
    publicUrl: publicUrl(env, port),
    production,
    now: () => new Date(),
  };
}

function runSyncWorker(services: Services, log: Logger) {
  const worker = startSyncWorker({
    db: services.db,
    bus: services.bus,
    connectorFor: services.crm.connectorFor,
    log: log.child({ component: 'sync' }),
    instanceId: randomUUID(),
    recordingUrlFor: (link) => signedRecordingUrl(services, link),
  });
  services.crm.worker = worker;
  return worker;
}

/** Recordings to transcripts and summaries, with the providers the environment chose (offline by default). */
function runCallPipeline(services: Services, env: Env, log: Logger) {
  return startCallPipeline(
    services,
    { transcriber: transcriberFromEnv(env), summariser: summariserFromEnv(env) },
    log.child({ component: 'ai' }),
  );
}

export async function startServer(
  env: Env,
  log: Logger = createLogger(env.LOG_LEVEL),
): Promise<RunningServer> {
  const services = await buildServices(env, log, env.PORT);
  const app = createApp(services);
  const server = app.listen(env.PORT, env.HOST);
  await new Promise<void>((done, fail) => {
    server.once('listening', done);
    server.once('error', fail);
  });
  const port = (server.address() as AddressInfo).port;
  const worker = env.PARLEY_SYNC_WORKER === 'on' ? runSyncWorker(services, log) : null;
  const pipeline = env.PARLEY_SYNC_WORKER === 'on' ? runCallPipeline(services, env, log) : null;
  // Audio past each account's retention is deleted by the instances that run background work.
  const retention = env.PARLEY_SYNC_WORKER === 'on' ? startRetentionJob(services) : null;
  const url = `http://localhost:${port}`;
  if (env.PORT === 0) services.publicUrl = publicUrl(env, port);
  log.info(
    {
      url,
      publicUrl: services.publicUrl,
      store: services.db.kind,
      bus: services.bus.kind,
      mailer: services.mailer.kind,
    },
    'Parley is listening',
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Stop taking connections, let requests in flight finish, then release the store and bus.
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      await stopped;
      clearTimeout(force);
      await worker?.stop();
      await pipeline?.stop();
      await retention?.stop();
      await services.bus.close();
      await services.mailer.close();
      await services.db.close();
      log.info('Parley stopped');
    })();
    return closing;
  };
  return { url, services, close };
}

/**
 * A process that runs the CRM sync worker and no HTTP: scale logging apart from the web tier.
 * Rows are claimed with leases, so any number of these run beside the servers.
 */
export async function startWorkerOnly(
  env: Env,
  log: Logger = createLogger(env.LOG_LEVEL),
): Promise<{ log: Logger; services: Services; close(): Promise<void> }> {
  if (!env.DATABASE_URL) {
    throw new ConfigError(
      'parley worker shares the database with the servers: set DATABASE_URL (the embedded store serves one process; `parley start` runs the worker itself).',
    );
  }
  const services = await buildServices(env, log, env.PORT);
  const worker = runSyncWorker(services, log);
  const pipeline = runCallPipeline(services, env, log);
  log.info({ store: services.db.kind, bus: services.bus.kind }, 'Parley sync worker running');
  return {
    log,
    services,
    async close() {
      await worker.stop();
      await pipeline.stop();
      await services.bus.close();
      await services.db.close();
    },
  };
}
