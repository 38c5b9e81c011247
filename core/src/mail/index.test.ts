import { describe, expect, it } from 'vitest';
import { createMailer, MailError } from './index.ts';

const noLog = () => {};

describe('createMailer', () => {
  it.each([{}, { SMTP_URL: '' }, { SMTP_URL: '   ', MAIL_FROM: 'a@b.test' }])(
    'falls back to the log mailer when SMTP_URL is unset or blank: %j',
    (env) => {
      expect(createMailer(env, noLog).kind).toBe('log');
    },
  );

  it('uses SMTP when SMTP_URL and MAIL_FROM are set', async () => {
    const mailer = createMailer(
      { SMTP_URL: 'smtp://user:pass@127.0.0.1:2525', MAIL_FROM: 'Parley <no-reply@parley.test>' },
      noLog,
    );
    expect(mailer.kind).toBe('smtp');
    await mailer.close();
  });

  it('refuses SMTP_URL without MAIL_FROM with a message saying what to set', () => {
    expect(() => createMailer({ SMTP_URL: 'smtp://127.0.0.1:2525' }, noLog)).toThrow(
      expect.objectContaining({
        name: 'MailError',
        kind: 'config',
        message: expect.stringMatching(/MAIL_FROM/),
      }),
    );
  });

  it('refuses a malformed SMTP_URL without repeating its password', () => {
    let thrown: unknown;
    try {
      createMailer({ SMTP_URL: 'mailto://user:hunter2@example.com', MAIL_FROM: 'a@b.test' }, noLog);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MailError);
    expect((thrown as MailError).message).toMatch(/SMTP_URL/);
    expect((thrown as MailError).message).not.toContain('hunter2');
  });
});
