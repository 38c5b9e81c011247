import { type ConnectionKind, CRM_LABELS } from '@parley/connectors';
import { emulators, FIXTURE_PEOPLE, sourceEmulators } from '@parley/connectors/emulators';
import { crmAppEnvNames } from '../sync/crm-services.ts';

interface Running {
  kind: ConnectionKind;
  url: string;
  close(): Promise<void>;
  /** What to put in the environment (OAuth CRMs) or in the console's form (Odoo). */
  lines: string[];
}

/**
 * `parley dev crm`: the CRM emulators on fixed local ports, seeded with the same people, for trying
 * Parley's CRM features on a laptop. Development only: they hold everything in memory.
 */
export async function startDevCrms(basePort: number): Promise<Running[]> {
  const running: Running[] = [];
  let port = basePort;
  for (const [kind, start] of Object.entries(emulators) as [
    keyof typeof emulators,
    (typeof emulators)[keyof typeof emulators],
  ][]) {
    const emulator = await start({ port: port++, enforceLimit: true });
    await emulator.seed(FIXTURE_PEOPLE);
    const url = emulator.running.url;
    const app = emulator.oauthApp;
    const names = crmAppEnvNames(kind);
    const lines = app
      ? [
          `export ${names.clientId}=${app.clientId}`,
          `export ${names.clientSecret}=${app.clientSecret}`,
          `export ${names.authUrl}=${url}`,
          ...(emulator.webhookSecret ? [`export ${names.webhookSecret}=${emulator.webhookSecret}`] : []),
        ]
      : Object.entries(emulator.config() as Record<string, unknown>).map(
          ([field, value]) => `  ${field}: ${String(value)}`,
        );
    running.push({ kind, url, close: () => emulator.close(), lines });
  }
  for (const [kind, start] of Object.entries(sourceEmulators) as [
    keyof typeof sourceEmulators,
    (typeof sourceEmulators)[keyof typeof sourceEmulators],
  ][]) {
    const emulator = await start({ port: port++ });
    emulator.seed(FIXTURE_PEOPLE);
    const names = crmAppEnvNames(kind);
    running.push({
      kind,
      url: emulator.running.url,
      close: () => emulator.close(),
      lines: [
        `export ${names.clientId}=${emulator.oauthApp.clientId}`,
        `export ${names.clientSecret}=${emulator.oauthApp.clientSecret}`,
        `export ${names.authUrl}=${emulator.running.url}`,
      ],
    });
  }
  return running;
}

export function describeDevCrms(running: readonly Running[]): string {
  const blocks = running.map((crm) => {
    const how = crm.lines[0]?.startsWith('export')
      ? 'set these before `npm start`, then connect it from the console:'
      : 'connect it from the console with this form:';
    return [`${CRM_LABELS[crm.kind]} emulator at ${crm.url} — ${how}`, ...crm.lines].join('\n');
  });
  return [
    ...blocks,
    '',
    `Each holds the same ${FIXTURE_PEOPLE.length} people (Alice Martin +33 6 12 34 56 78, …). In-memory, for development only; Ctrl-C stops them.`,
  ].join('\n\n');
}
