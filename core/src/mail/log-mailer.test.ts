import { describe, expect, it } from 'vitest';
import { createLogMailer, LOG_MAILER_QUEUED_REASON, type LoggedEmail } from './log-mailer.ts';

describe('createLogMailer', () => {
  it('writes the message to the log and reports it queued with the reason SMTP_URL is missing', async () => {
    const logged: LoggedEmail[] = [];
    const mailer = createLogMailer((entry) => logged.push(entry));

    const result = await mailer.send({
      to: 'alice@example.com',
      subject: 'Join Acme',
      text: 'Open https://parley.test/invite/abc',
      html: '<p>ignored</p>',
    });

    expect(result).toEqual({ status: 'queued', reason: LOG_MAILER_QUEUED_REASON });
    expect(LOG_MAILER_QUEUED_REASON).toMatch(/SMTP_URL is not set/);
    expect(logged).toEqual([
      { to: 'alice@example.com', subject: 'Join Acme', text: 'Open https://parley.test/invite/abc' },
    ]);
  });
});
