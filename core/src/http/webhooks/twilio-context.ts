import type { Request } from 'express';
import { findCall, type StoredCall } from '../../domain/calls/calls-store.ts';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import { publicWebhookUrl, verifyTwilioSignature } from '../../telephony/twilio/webhooks/signature.ts';

export type FormBody = Record<string, string>;

export function formOf(req: Request): FormBody {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The sealed carrier credentials of an account, for `webhookCredentialsFor`. */
export async function accountCredentials(services: Services, accountId: string) {
  const row = await services.db.maybeOne<{ carrier_credentials: string | null }>(
    sql`select carrier_credentials from accounts where id = ${accountId}`,
  );
  return row ? services.webhookCredentialsFor({ carrierCredentials: row.carrier_credentials }) : null;
}

/**
 * True when the request carries the signature Twilio (or the simulator) makes with this
 * account's auth token over the public URL it posted to. Nothing is read or written before.
 */
export async function signedFor(services: Services, req: Request, accountId: string): Promise<boolean> {
  const creds = await accountCredentials(services, accountId);
  return creds ? signedWith(services, req, creds) : false;
}

/** The same check when the caller already read the account's credentials. */
export function signedWith(services: Services, req: Request, creds: { authToken: string }): boolean {
  return verifyTwilioSignature({
    authToken: creds.authToken,
    url: publicWebhookUrl(services.publicUrl, req.originalUrl),
    params: formOf(req),
    signature: req.get('X-Twilio-Signature') ?? '',
  });
}

/** The call a `?call=` webhook is about, once its signature checks out with that call's account. */
export async function signedCall(services: Services, req: Request): Promise<StoredCall | null> {
  const callId = typeof req.query.call === 'string' ? req.query.call : '';
  if (!/^[0-9a-f-]{36}$/.test(callId)) return null;
  const call = await findCall(services.db, callId);
  if (!call || !(await signedFor(services, req, call.accountId))) return null;
  return call;
}
