import { z } from 'zod';
import { MailError } from './errors.ts';
import { createLogMailer, type LoggedEmail } from './log-mailer.ts';
import type { Mailer } from './mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

export { MailError, type MailErrorKind } from './errors.ts';
export { createLogMailer, LOG_MAILER_QUEUED_REASON, type LoggedEmail } from './log-mailer.ts';
export type { DeliveryResult, Mailer, OutgoingEmail } from './mailer.ts';
export { createSmtpMailer, type SmtpMailerOptions } from './smtp-mailer.ts';
export {
  formatExpiry,
  type InvitationInput,
  invitationEmail,
  type RenderedEmail,
} from './templates/invitation.ts';

// An empty variable (`SMTP_URL=` in a .env file) means unset, not a URL to reject.
const optionalSetting = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const mailEnv = z.object({ SMTP_URL: optionalSetting, MAIL_FROM: optionalSetting });

export interface MailEnv {
  SMTP_URL?: string;
  MAIL_FROM?: string;
}

/**
 * SMTP when SMTP_URL is set, the log otherwise. Throws MailError('config') when SMTP_URL is
 * malformed or MAIL_FROM is missing, so a bad setup stops the server at start instead of
 * failing every invitation later.
 */
export function createMailer(env: MailEnv, log: (entry: LoggedEmail) => void): Mailer {
  const { SMTP_URL, MAIL_FROM } = mailEnv.parse(env);
  if (SMTP_URL === undefined) return createLogMailer(log);
  if (MAIL_FROM === undefined) {
    throw new MailError(
      'config',
      'MAIL_FROM must be set when SMTP_URL is set, e.g. MAIL_FROM="Parley <no-reply@example.com>", with an address your SMTP server may send from',
    );
  }
  return createSmtpMailer(SMTP_URL, { from: MAIL_FROM });
}
