import { randomBytes } from 'node:crypto';
import { formBody } from '../src/telephony/twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../src/telephony/twilio/webhooks/signature.ts';

export const VOICE_PATH = '/webhooks/twilio/voice';

export interface VoiceCaller {
  /** PUBLIC_URL of the server: Twilio signs the URL it was configured with, not the socket's. */
  publicUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  to: string;
}

export interface SignedBody {
  callSid: string;
  body: string;
  signature: string;
}

/**
 * A source of inbound-call voice webhooks as Twilio sends them (its usual ~25 fields), each with a
 * CallSid never used before and its X-Twilio-Signature: the server opens one call per CallSid, so
 * a repeated sid would measure Twilio's retry path instead of a new call.
 */
export function signedVoiceWebhooks(caller: VoiceCaller, runId = randomBytes(4).toString('hex')) {
  if (!/^[0-9a-f]{8}$/.test(runId)) throw new RangeError(`runId "${runId}" must be 8 hex characters.`);
  const url = `${caller.publicUrl.replace(/\/+$/, '')}${VOICE_PATH}`;
  const fixed = {
    AccountSid: caller.accountSid,
    ApiVersion: '2010-04-01',
    CallStatus: 'ringing',
    Called: caller.to,
    CalledCity: '',
    CalledCountry: 'FR',
    CalledState: '',
    CalledZip: '',
    Caller: caller.from,
    CallerCity: '',
    CallerCountry: 'FR',
    CallerState: '',
    CallerZip: '',
    Direction: 'inbound',
    From: caller.from,
    FromCity: '',
    FromCountry: 'FR',
    FromState: '',
    FromZip: '',
    StirVerstat: 'TN-Validation-Passed-A',
    To: caller.to,
    ToCity: '',
    ToCountry: 'FR',
    ToState: '',
    ToZip: '',
  };
  let counter = 0;
  return (): SignedBody => {
    counter += 1;
    const callSid = `CA${runId}${counter.toString(16).padStart(24, '0')}`;
    const params = { ...fixed, CallSid: callSid };
    return {
      callSid,
      body: formBody(params),
      signature: computeTwilioSignature(caller.authToken, url, params),
    };
  };
}
