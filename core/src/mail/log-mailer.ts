import type { Mailer } from './mailer.ts';

export interface LoggedEmail {
  to: string;
  subject: string;
  text: string;
}

export const LOG_MAILER_QUEUED_REASON =
  'SMTP_URL is not set: the message was written to the server log and the outbox; set SMTP_URL to send it';

/**
 * Stands in for SMTP when none is configured, so invitations still work on a fresh install:
 * the admin copies the link from the log instead of waiting for an email that never leaves.
 */
export function createLogMailer(log: (entry: LoggedEmail) => void): Mailer {
  return {
    kind: 'log',
    async send(email) {
      log({ to: email.to, subject: email.subject, text: email.text });
      return { status: 'queued', reason: LOG_MAILER_QUEUED_REASON };
    },
    async verify() {
      return { ok: true };
    },
    async close() {},
  };
}
