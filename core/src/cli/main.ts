import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEnv } from '../config/env.ts';
import { startServer, startWorkerOnly } from '../server.ts';
import { openStore } from '../store/index.ts';
import { migrate } from '../store/migrate.ts';
import { CliError, createAdminCommand, quoteCommand, subscriptionCommand } from './admin.ts';
import { describeDevCrms, startDevCrms } from './dev-crm.ts';
import { formatChecks, runDoctor } from './doctor.ts';
import { simulateCommand } from './simulate.ts';

const HELP = `parley — open-source team phone system

  parley start                       run the server (PORT, DATABASE_URL, REDIS_URL… see README)
  parley worker                      run only the CRM sync worker (needs DATABASE_URL; as many as you like)
  parley migrate                     apply database migrations and exit
  parley dev crm [--port 4100]       run the CRM emulators locally (development only) and print how to connect them
  parley doctor                      check store, bus, carrier, email and keys; say what to fix
  parley admin create --email E      create an account and its first admin
  parley admin quote --plan P --seats N --price X
                                     issue a quote code for a new account
  parley admin subscription --account A --status active|past_due|suspended
                                     change an account's subscription status
  parley simulate inbound --from N --to N [--answer EMAIL] [--digits D] [--say TEXT] [--token T]
                                     play an inbound call against the running server (simulator)`;

async function withStore<T>(work: (db: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const db = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.PARLEY_DATA_DIR) });
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'start': {
      const server = await startServer(parseEnv());
      const stop = (signal: string) => {
        server.services.log.info({ signal }, 'shutting down');
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      return -1;
    }
    case 'worker': {
      const worker = await startWorkerOnly(parseEnv());
      const stop = (signal: string) => {
        worker.log.info({ signal }, 'sync worker shutting down');
        worker.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      return -1;
    }
    case 'dev': {
      if (sub !== 'crm') throw new CliError(`Unknown dev command "${sub ?? ''}".\n\n${HELP}`);
      const { values } = parseArgs({ args: rest, options: { port: { type: 'string' } } });
      const running = await startDevCrms(Number(values.port ?? 4100));
      console.log(describeDevCrms(running));
      const stop = () => {
        Promise.all(running.map((crm) => crm.close())).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const applied = await withStore(async (db) => migrate(db));
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
      return 0;
    }
    case 'doctor': {
      const checks = await runDoctor(parseEnv());
      console.log(formatChecks(checks));
      return checks.every((c) => c.ok) ? 0 : 1;
    }
    case 'admin': {
      const { values } = parseArgs({
        args: rest,
        options: Object.fromEntries(
          [
            'email',
            'name',
            'company',
            'password',
            'country',
            'time-zone',
            'locale',
            'quote',
            'plan',
            'seats',
            'price',
            'currency',
            'valid-days',
            'note',
            'account',
            'status',
            'reason',
          ].map((o) => [o, { type: 'string' as const }]),
        ),
      });
      const now = new Date();
      const run = { create: createAdminCommand, quote: quoteCommand, subscription: subscriptionCommand }[
        sub ?? ''
      ];
      if (!run) throw new CliError(`Unknown admin command "${sub ?? ''}".\n\n${HELP}`);
      console.log(await withStore((db) => run(db, values, now)));
      return 0;
    }
    case 'simulate': {
      const { values } = parseArgs({
        args: rest,
        options: Object.fromEntries(
          ['from', 'to', 'answer', 'digits', 'say', 'voicemail', 'token'].map((o) => [
            o,
            { type: 'string' as const },
          ]),
        ),
      });
      console.log(await simulateCommand(parseEnv(), sub, values));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      throw new CliError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const known =
      error instanceof Error &&
      [
        'CliError',
        'ConfigError',
        'SecretKeyError',
        'StoreError',
        'BusError',
        'AppError',
        'MailError',
      ].includes(error.name);
    console.error(known ? `parley: ${(error as Error).message}` : error);
    process.exit(known ? 2 : 1);
  },
);
