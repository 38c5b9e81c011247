import type { SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { MailError } from './errors.ts';
import type { Mailer } from './mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';
import { freePort, smtpReply, startSilentServer, startSmtpServer } from './test-smtp-server.ts';

const FROM = 'Parley <no-reply@parley.test>';
const email = { to: 'alice@example.com', subject: 'Join Acme on Parley', text: 'Open the link.' };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function mailer(url: string, timeoutMs?: number): Mailer {
  const created = createSmtpMailer(url, { from: FROM, timeoutMs });
  cleanups.push(() => created.close());
  return created;
}

async function server(options: SMTPServerOptions = {}) {
  const started = await startSmtpServer(options);
  cleanups.push(() => started.close());
  return started;
}

describe('createSmtpMailer', () => {
  it('delivers the message to the recipient with its subject and returns the Message-ID', async () => {
    const smtp = await server();
    const result = await mailer(`smtp://user:pass@127.0.0.1:${smtp.port}`).send({
      ...email,
      html: '<p>Open the link.</p>',
    });

    expect(result).toMatchObject({ status: 'sent' });
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message?.rcptTo).toEqual(['alice@example.com']);
    expect(message?.raw).toMatch(/^Subject: Join Acme on Parley\r?$/m);
    expect(message?.raw).toMatch(/^To: alice@example\.com\r?$/m);
    expect(message?.raw).toMatch(/^From: Parley <no-reply@parley\.test>\r?$/m);
    expect(message?.raw).toContain('text/html');
    if (result.status === 'sent') expect(message?.raw).toContain(`Message-ID: ${result.messageId}`);
  });

  it('returns the server reply when the server rejects the recipient', async () => {
    const smtp = await server({
      onRcptTo(_address, _session, callback) {
        callback(smtpReply(550, '5.1.1 <alice@example.com>: Recipient address rejected'));
      },
    });
    const result = await mailer(`smtp://127.0.0.1:${smtp.port}`).send(email);

    expect(result).toEqual({
      status: 'failed',
      error: '550 5.1.1 <alice@example.com>: Recipient address rejected',
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('fails within seconds, naming the server, when nothing listens on the port', async () => {
    const port = await freePort();
    const started = Date.now();
    const result = await mailer(`smtp://user:pass@127.0.0.1:${port}`).send(email);

    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toEqual({
      status: 'failed',
      error: `Could not connect to the SMTP server at 127.0.0.1:${port}: connection refused; check the host and the port`,
    });
  });

  it('fails after the timeout, instead of hanging, when the server accepts but never greets', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const started = Date.now();
    const result = await mailer(`smtp://127.0.0.1:${silent.port}`, 300).send(email);

    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toEqual({
      status: 'failed',
      error: `No answer from the SMTP server at 127.0.0.1:${silent.port} within 0.3 s; check the host, the port and the firewall`,
    });
  });

  describe('with a server that requires a login', () => {
    const requireLogin: SMTPServerOptions = {
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'parley' && auth.password === 'right/pass')
          return callback(null, { user: 'parley' });
        // Echoing the password is the worst a server can do; the mailer must still hide it.
        callback(smtpReply(535, `5.7.8 Authentication failed for ${auth.username} with ${auth.password}`));
      },
    };

    it('sends with the right password taken, percent-decoded, from the URL', async () => {
      const smtp = await server(requireLogin);
      const result = await mailer(`smtp://parley:right%2Fpass@127.0.0.1:${smtp.port}`).send(email);

      expect(result.status).toBe('sent');
      expect(smtp.received).toHaveLength(1);
    });

    it('returns the server reply without the password when the password is wrong', async () => {
      const smtp = await server(requireLogin);
      const result = await mailer(`smtp://parley:wr0ng%2Fpass@127.0.0.1:${smtp.port}`).send(email);

      expect(result).toEqual({
        status: 'failed',
        error: '535 5.7.8 Authentication failed for parley with ***',
      });
      expect(smtp.received).toHaveLength(0);
    });

    it('verify reports the rejected login without the password', async () => {
      const smtp = await server(requireLogin);
      const verdict = await mailer(`smtp://parley:wr0ng%2Fpass@127.0.0.1:${smtp.port}`).verify();

      expect(verdict).toEqual({ ok: false, error: '535 5.7.8 Authentication failed for parley with ***' });
    });
  });

  it('verify succeeds against a reachable server and fails against a closed port', async () => {
    const smtp = await server();
    const port = await freePort();

    expect(await mailer(`smtp://127.0.0.1:${smtp.port}`).verify()).toEqual({ ok: true });
    expect(await mailer(`smtp://127.0.0.1:${port}`).verify()).toEqual({
      ok: false,
      error: `Could not connect to the SMTP server at 127.0.0.1:${port}: connection refused; check the host and the port`,
    });
  });

  it.each(['http://user:s3cret@mail.example.com', 'not a url s3cret', 'smtp://user:s3cret@'])(
    'rejects %s as configuration without echoing the password',
    (url) => {
      let thrown: unknown;
      try {
        createSmtpMailer(url, { from: FROM });
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(MailError);
      expect(thrown).toMatchObject({ kind: 'config' });
      expect(String((thrown as Error).message)).not.toContain('s3cret');
    },
  );
});
