import nodemailer from 'nodemailer';
import type { DeliveryResult, Mailer, OutgoingEmail } from './mailer.ts';
import { describeSmtpError } from './smtp-error.ts';
import { parseSmtpUrl } from './smtp-url.ts';

export interface SmtpMailerOptions {
  /** The From header, e.g. `Parley <no-reply@example.com>`. */
  from: string;
  /** Bound on connecting, the greeting and every silence after; defaults to 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Throws MailError('config') for a URL that is not smtp:// or smtps://, without echoing it. */
export function createSmtpMailer(smtpUrl: string, options: SmtpMailerOptions): Mailer {
  const target = parseSmtpUrl(smtpUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // nodemailer waits minutes by default; an invitation request should not hang on a dead server.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  const describe = (err: unknown) => describeSmtpError(err, target, timeoutMs);

  return {
    kind: 'smtp',
    async send(email: OutgoingEmail): Promise<DeliveryResult> {
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          ...(email.html === undefined ? {} : { html: email.html }),
        });
        // With several recipients the server may refuse some and take the rest without an error.
        const refusal = info.rejectedErrors?.[0];
        if (refusal) return { status: 'failed', error: describe(refusal) };
        return { status: 'sent', messageId: info.messageId };
      } catch (err) {
        return { status: 'failed', error: describe(err) };
      }
    },
    async verify() {
      try {
        await transporter.verify();
        return { ok: true };
      } catch (err) {
        return { ok: false, error: describe(err) };
      }
    },
    async close() {
      transporter.close();
    },
  };
}
