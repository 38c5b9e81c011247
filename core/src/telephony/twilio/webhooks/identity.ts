import { CarrierError } from '../../errors.ts';

/**
 * Voice SDK identities. Twilio allows more characters than this, but its mobile SDKs only accept
 * letters, digits and underscore, and an identity surfaces as `client:<identity>` in every webhook,
 * so Parley issues only identities that need no escaping anywhere.
 */
const IDENTITY = /^[A-Za-z0-9_]{1,256}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEMBER_CLIENT = /^client:m_([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

export function isTwilioIdentity(value: string): boolean {
  return IDENTITY.test(value);
}

/** The Voice SDK identity of a member: `m_` and the member's uuid without dashes, lower case. */
export function memberIdentity(memberId: string): string {
  if (!UUID.test(memberId)) {
    throw new CarrierError('invalid', `Member id "${memberId}" is not a uuid, so it has no dialer identity.`);
  }
  return `m_${memberId.replaceAll('-', '').toLowerCase()}`;
}

/**
 * The member behind a webhook's `From` (or `To`) when it is one of our browser dialers, else null.
 * Only the exact form memberIdentity produces is accepted: Twilio identities are case-sensitive, so
 * an upper-case variant is a different client that Parley never issued a token for.
 */
export function parseClientIdentity(from: string): string | null {
  const parts = MEMBER_CLIENT.exec(from);
  return parts ? parts.slice(1).join('-') : null;
}
