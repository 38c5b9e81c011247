import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import express from 'express';
import { parseEnv, publicUrl } from '../src/config/env.ts';
import { createApp } from '../src/http/app.ts';
import { createLogger } from '../src/logging.ts';
import { buildServices } from '../src/server.ts';
import { sql } from '../src/store/sql.ts';
import { simulatorCredentials } from '../src/telephony/account-carriers.ts';
import type { FromServers, ToServers } from './bench-servers.ts';
import { VOICE_PATH } from './signed-voice.ts';
import { DurationLog, timed } from './timing.ts';

/**
 * The servers under test, in their own thread so the load generator never shares their event
 * loop: Parley as `npm start` builds it, and the bare express baseline beside it.
 */
const port = parentPort;
if (!port) throw new Error('servers.worker.ts runs as a worker thread: start it with startBenchServers().');

const send = (message: FromServers) => port.postMessage(message);
const isVoiceWebhook = (req: IncomingMessage) => req.method === 'POST' && req.url === VOICE_PATH;

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await new Promise<void>((done, fail) => {
    server.once('listening', done);
    server.once('error', fail);
  });
  return (server.address() as AddressInfo).port;
}

async function close(server: Server) {
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections();
  await closed;
}

// Logs are formatted at the production level (pino-http writes a line per request) and then
// dropped, except that errors are counted: a failing webhook must not pass for a fast one.
const logErrors = { count: 0, first: null as string | null };
const sink = {
  write(line: string) {
    if (/"level":(50|60)/.test(line)) {
      logErrors.count += 1;
      logErrors.first ??= line.slice(0, 600);
    }
  },
};

const dataDir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
const env = parseEnv({
  PARLEY_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
});
const services = await buildServices(env, createLogger(env.LOG_LEVEL, sink), 0);
const realLog = new DurationLog();
const real = createServer(timed(createApp(services), realLog, isVoiceWebhook));
const realPort = await listen(real);
services.publicUrl = publicUrl(env, realPort);

let bareTwiml =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Client>bench</Client></Dial></Response>';
const bareApp = express();
bareApp.use(express.urlencoded({ extended: false, limit: '64kb' }));
bareApp.post(VOICE_PATH, (_req, res) => {
  res.status(200).type('text/xml').send(bareTwiml);
});
const bareLog = new DurationLog();
const bare = createServer(timed(bareApp, bareLog, isVoiceWebhook));
const barePort = await listen(bare);

port.on('message', async (message: ToServers) => {
  if (message.type === 'bare-twiml') {
    bareTwiml = message.xml;
    send({ type: 'bare-twiml-set' });
  } else if (message.type === 'drain') {
    const calls = await services.db.one<{ n: number }>(sql`select count(*)::int as n from calls`);
    send({
      type: 'drained',
      real: realLog.drain(),
      bare: bareLog.drain(),
      callsOpened: calls.n,
      logErrors: { ...logErrors },
    });
  } else if (message.type === 'close') {
    await Promise.all([close(real), close(bare)]);
    await services.bus.close();
    await services.mailer.close();
    await services.db.close();
    await rm(dataDir, { recursive: true, force: true });
    send({ type: 'closed' });
    port.close();
  }
});

send({
  type: 'ready',
  realUrl: `http://127.0.0.1:${realPort}`,
  realPublicUrl: services.publicUrl,
  bareUrl: `http://127.0.0.1:${barePort}`,
  credentials: simulatorCredentials(services.secrets),
  dataDir,
});
