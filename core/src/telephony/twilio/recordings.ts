import { parseTwilioError } from './parse-twilio-error.ts';
import { twilioRestClient } from './rest-client.ts';
import type { TwilioCarrierOptions, TwilioCredentials } from './twilio-carrier.ts';

/** Recordings kept at Twilio. */
export function twilioRecordings(creds: TwilioCredentials, options: TwilioCarrierOptions = {}) {
  const client = twilioRestClient(creds, options);
  return {
    /**
     * DELETE /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json (204). A recording already
     * deleted answers 404, which throws a `not_found` CarrierError.
     * https://www.twilio.com/docs/voice/api/recording#delete-a-recording-resource
     */
    async remove(recordingSid: string): Promise<void> {
      try {
        await client.recordings(recordingSid).remove();
      } catch (error) {
        throw parseTwilioError(error);
      }
    },
  };
}
