import type { SmtpTarget } from './smtp-url.ts';

interface SmtpErrorFields {
  message: string;
  code?: string;
  originalCode?: string;
  response?: string;
}

/**
 * Turns a nodemailer failure into a sentence for the admin. The server's own reply wins when
 * there is one ("550 5.1.1 <x@y>: Recipient address rejected"): it is what the mail provider's
 * documentation and support will recognise.
 */
export function describeSmtpError(err: unknown, target: SmtpTarget, timeoutMs: number): string {
  const fields = readFields(err);
  return redact(sentenceFor(fields, target, timeoutMs), target.secrets);
}

function sentenceFor(fields: SmtpErrorFields, target: SmtpTarget, timeoutMs: number): string {
  if (fields.response) return fields.response;
  const server = `the SMTP server at ${target.address}`;
  if (fields.code === 'ETIMEDOUT') {
    return `No answer from ${server} within ${timeoutMs / 1000} s; check the host, the port and the firewall`;
  }
  if (fields.originalCode === 'ECONNREFUSED') {
    return `Could not connect to ${server}: connection refused; check the host and the port`;
  }
  if (fields.code === 'EDNS') {
    return `Could not find ${server}: ${fields.message}`;
  }
  return `Could not send through ${server}: ${fields.message}`;
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.replaceAll(secret, '***'), text);
}

function readFields(err: unknown): SmtpErrorFields {
  if (!(err instanceof Error)) return { message: String(err) };
  const extra = err as Error & Record<string, unknown>;
  return {
    message: err.message,
    code: stringOrUndefined(extra.code),
    originalCode: stringOrUndefined(extra.originalCode),
    response: stringOrUndefined(extra.response),
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
