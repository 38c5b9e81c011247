import { z } from 'zod';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Carrier } from './carrier.ts';
import { createCarrier } from './index.ts';
import type { TwilioCarrierOptions, TwilioCredentials } from './twilio/twilio-carrier.ts';

const StoredCredentials = z.object({ accountSid: z.string(), authToken: z.string() });

export function sealCarrierCredentials(secrets: SecretBox, creds: TwilioCredentials): string {
  return secrets.seal(JSON.stringify(creds));
}

export function openCarrierCredentials(secrets: SecretBox, sealed: string): TwilioCredentials {
  return StoredCredentials.parse(JSON.parse(secrets.open(sealed)));
}

/**
 * Which carrier serves an account: its own Twilio account when it brought one (credentials
 * stored sealed), otherwise the deployment's (Twilio from the environment, or the simulator).
 */
export function accountCarriers(secrets: SecretBox, deployment: Carrier, options?: TwilioCarrierOptions) {
  return {
    carrierFor: (account: { carrierCredentials: string | null }): Carrier =>
      account.carrierCredentials
        ? createCarrier(openCarrierCredentials(secrets, account.carrierCredentials), options)
        : deployment,
    carrierWith: (credentials: TwilioCredentials): Carrier => createCarrier(credentials, options),
  };
}
