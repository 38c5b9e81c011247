import { MailError } from './errors.ts';

/** What an error message may say about the server, and what it must never say. */
export interface SmtpTarget {
  /** host[:port] with the credentials removed, to name the server in messages. */
  address: string;
  /** The password as written in the URL and as decoded, for redaction. */
  secrets: string[];
}

/** Never echoes the URL: it usually carries the password. */
export function parseSmtpUrl(smtpUrl: string): SmtpTarget {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw invalidSmtpUrl();
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw invalidSmtpUrl();
  }
  return { address: url.host, secrets: passwordForms(url.password) };
}

function passwordForms(raw: string): string[] {
  if (raw === '') return [];
  try {
    return [...new Set([raw, decodeURIComponent(raw)])];
  } catch {
    return [raw];
  }
}

function invalidSmtpUrl(): MailError {
  return new MailError(
    'config',
    'SMTP_URL must look like smtp://user:password@smtp.example.com:587 or smtps://user:password@smtp.example.com:465 (percent-encode special characters in the password)',
  );
}
