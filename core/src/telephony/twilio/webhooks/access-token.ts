import twilio from 'twilio';
import { z } from 'zod';
import { CarrierError } from '../../errors.ts';
import { isTwilioIdentity } from './identity.ts';

const { AccessToken } = twilio.jwt;

export interface VoiceAccessTokenInput {
  accountSid: string;
  /** An API key (SK…) of the same account; Twilio refuses tokens signed with the auth token. */
  apiKeySid: string;
  apiKeySecret: string;
  /** The TwiML App whose voice URL receives the dialer's outgoing calls. */
  twimlAppSid: string;
  identity: string;
  ttlSeconds?: number;
}

export interface VoiceAccessToken {
  token: string;
  expiresAt: Date;
  identity: string;
}

// Twilio refuses Voice SDK tokens that live longer than 24 hours.
const MAX_TTL_SECONDS = 24 * 60 * 60;

const credentialsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
  apiKeySid: z.string().regex(/^SK[0-9a-fA-F]{32}$/),
  apiKeySecret: z.string().min(1),
  twimlAppSid: z.string().regex(/^AP[0-9a-fA-F]{32}$/),
});

const payloadSchema = z.object({ exp: z.number().int() });

/**
 * A Voice SDK token for one browser dialer: it may receive calls to `client:<identity>` and place
 * calls through the TwiML App. expiresAt is read back from the signed token, so it is exactly the
 * `exp` Twilio will enforce.
 */
export function voiceAccessToken({
  accountSid,
  apiKeySid,
  apiKeySecret,
  twimlAppSid,
  identity,
  ttlSeconds = 3600,
}: VoiceAccessTokenInput): VoiceAccessToken {
  if (!credentialsSchema.safeParse({ accountSid, apiKeySid, apiKeySecret, twimlAppSid }).success) {
    throw new CarrierError(
      'auth',
      'The browser dialer credentials are malformed: the Account SID starts with AC, the API key SID with SK and the TwiML App SID with AP, each followed by 32 hex characters, and the API key secret is required. Copy them from the Twilio Console.',
    );
  }
  if (!isTwilioIdentity(identity)) {
    throw new CarrierError(
      'invalid',
      `Dialer identity "${identity}" must be 1 to 256 letters, digits or underscores.`,
    );
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    throw new CarrierError(
      'invalid',
      `A dialer token lives between 1 and ${MAX_TTL_SECONDS} seconds; ${ttlSeconds} is outside that range.`,
    );
  }
  const accessToken = new AccessToken(accountSid, apiKeySid, apiKeySecret, { identity, ttl: ttlSeconds });
  accessToken.addGrant(
    new AccessToken.VoiceGrant({ outgoingApplicationSid: twimlAppSid, incomingAllow: true }),
  );
  const token = accessToken.toJwt();
  const payload = payloadSchema.parse(
    JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')),
  );
  return { token, expiresAt: new Date(payload.exp * 1000), identity };
}
