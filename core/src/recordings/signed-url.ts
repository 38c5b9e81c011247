import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../crypto/secret-box.ts';

/**
 * Long enough for a CRM user to open last week's call from its log; short enough that a link
 * copied out of a CRM stops working. Past it, the link answers with where to sign in instead.
 */
export const RECORDING_URL_TTL_SECONDS = 7 * 24 * 3600;

/** Where signed links are answered; the path is the call's id, the query carries expiry and signature. */
export const SIGNED_RECORDING_PATH = '/api/recordings';

export interface RecordingLink {
  accountId: string;
  callId: string;
}

interface SigningDeps {
  publicUrl: string;
  secrets: SecretBox;
  now(): Date;
}

function signature(secrets: SecretBox, link: RecordingLink, expires: number): string {
  // A key of its own, so no other signed value of Parley can pass for a recording link.
  return createHmac('sha256', secrets.derive('recording-url'))
    .update(`${link.accountId}:${link.callId}:${expires}`)
    .digest('base64url');
}

/**
 * A URL that plays one call's recording without a Parley session, for CRMs (HubSpot fetches it
 * with Range requests; others show it as a link). It names the account it was signed for and
 * stops working after `ttlSeconds`.
 */
export function signedRecordingUrl(
  deps: SigningDeps,
  link: RecordingLink,
  ttlSeconds = RECORDING_URL_TTL_SECONDS,
): string {
  const expires = Math.floor(deps.now().getTime() / 1000) + ttlSeconds;
  const url = new URL(`${SIGNED_RECORDING_PATH}/${link.callId}`, deps.publicUrl);
  url.searchParams.set('account', link.accountId);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('signature', signature(deps.secrets, link, expires));
  return url.toString();
}

export type SignedLinkCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** Whether a signed link's parts are ours and still valid; the expiry is only trusted once the signature holds. */
export function checkSignedRecordingLink(
  deps: Pick<SigningDeps, 'secrets' | 'now'>,
  link: RecordingLink,
  expires: number,
  given: string,
): SignedLinkCheck {
  const wanted = Buffer.from(signature(deps.secrets, link, expires));
  const got = Buffer.from(given);
  if (wanted.length !== got.length || !timingSafeEqual(wanted, got)) return { ok: false, reason: 'invalid' };
  if (expires * 1000 < deps.now().getTime()) return { ok: false, reason: 'expired' };
  return { ok: true };
}
