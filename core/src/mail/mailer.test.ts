import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogMailer } from './log-mailer.ts';
import type { Mailer } from './mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';
import { startSmtpServer, type TestSmtpServer } from './test-smtp-server.ts';

// The contract every Mailer keeps, whichever backend is configured.
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const implementations: Array<[Mailer['kind'], () => Mailer]> = [
  ['log', () => createLogMailer(() => {})],
  ['smtp', () => createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: 'no-reply@parley.test' })],
];

describe.each(implementations)('Mailer contract: %s', (kind, create) => {
  it('says which backend it is', async () => {
    const mailer = create();
    expect(mailer.kind).toBe(kind);
    await mailer.close();
  });

  it('verifies a working backend and settles a send with a delivery result', async () => {
    const mailer = create();
    expect(await mailer.verify()).toEqual({ ok: true });
    const result = await mailer.send({ to: 'alice@example.com', subject: 'Hello', text: 'Hi' });
    expect(['sent', 'queued']).toContain(result.status);
    await mailer.close();
  });
});
