import type { Twilio } from 'twilio';
import { CarrierError } from '../errors.ts';
import { parseTwilioError } from './parse-twilio-error.ts';

/**
 * Replaces what a live call is doing with new TwiML: Twilio leaves the current verb (a bridged
 * <Dial> hangs up its other leg) and plays `twiml` on this leg instead.
 * https://www.twilio.com/docs/voice/api/call-resource#update-a-call-resource
 */
export async function redirectCall(client: Twilio, sid: string, twiml: string): Promise<void> {
  try {
    await client.calls(sid).update({ twiml });
  } catch (error) {
    const carrierError = parseTwilioError(error);
    if (carrierError.kind !== 'not_found') throw carrierError;
    throw new CarrierError(
      'not_found',
      `Twilio has no live call ${sid} any more: it ended before it could be transferred.`,
      carrierError.detail,
      { cause: carrierError },
    );
  }
}
