import twilio, { type Twilio } from 'twilio';
import { BaseUrlRequestClient } from './base-url-request-client.ts';
import type { TwilioCarrierOptions, TwilioCredentials } from './twilio-carrier.ts';

/** The `twilio` REST client for an account, pointed at the emulator when tests say so. */
export function twilioRestClient(creds: TwilioCredentials, options: TwilioCarrierOptions = {}): Twilio {
  const httpClient = options.apiBaseUrl
    ? new BaseUrlRequestClient(options.apiBaseUrl)
    : new twilio.RequestClient();
  return twilio(creds.accountSid, creds.authToken, { httpClient });
}
