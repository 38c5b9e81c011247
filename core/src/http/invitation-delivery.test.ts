import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../mail/smtp-mailer.ts';
import { smtpReply, startSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server.ts';
import type { ApiClient } from './testing/client.ts';
import { addSeats, buyFirstNumber, signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/** "The invitation was not received": the admin sees whether the mail server took it, and why not. */
let smtp: TestSmtpServer;
let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  smtp = await startSmtpServer({
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody'))
        return callback(
          smtpReply(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`),
        );
      callback();
    },
  });
  server = await startTestServer({
    mailer: createSmtpMailer(`smtp://parley:pw@127.0.0.1:${smtp.port}`, {
      from: 'Parley <no-reply@example.com>',
    }),
  });
  ({ client: admin } = await signUpAdmin(server, { locale: 'fr' }));
  await buyFirstNumber(admin);
  await addSeats(admin, 3);
});
afterAll(async () => {
  await server.close();
  await smtp.close();
});

describe('invitation delivery over SMTP', () => {
  it('sends the invitation at once, in the account language, and records it as sent', async () => {
    const res = await admin.post('/api/team/invitations', { email: 'lea@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.invitation.delivery).toMatchObject({ status: 'sent', error: null, attempts: 1 });
    const message = smtp.received.find((m) => m.rcptTo.includes('lea@example.com'));
    expect(message?.raw).toMatch(/Subject: =\?UTF-8\?|Subject: Vous/);
    expect(message?.raw.replace(/=\r?\n/g, '')).toContain(
      new URL(res.body.acceptUrl).searchParams.get('token'),
    );
  });

  it("records a refused recipient as failed with the mail server's own words", async () => {
    const res = await admin.post('/api/team/invitations', { email: 'nobody@example.com' });
    expect(res.status).toBe(201);
    expect(res.body.invitation.delivery.status).toBe('failed');
    expect(res.body.invitation.delivery.error).toMatch(/550 5\.1\.1 .*User unknown/);
    const detail = await admin.get(`/api/team/invitations/${res.body.invitation.id}`);
    expect(detail.body.emails[0]).toMatchObject({ status: 'failed', to: 'nobody@example.com' });
    expect(detail.body.emails[0].error).toMatch(/Recipient address rejected/);
  });
});
