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
 * The credentials the simulator signs its webhooks with: derived from the secret key, so the
 * server and `parley simulate` agree without configuration, and nobody else can forge them.
 */
export function simulatorCredentials(secrets: SecretBox): TwilioCredentials {
  return {
    accountSid: `AC${secrets.derive('simulator-account').slice(0, 32)}`,
    authToken: secrets.derive('simulator-auth-token').slice(0, 32),
  };
}

/**
 * Which carrier serves an account: its own Twilio account when it brought one (credentials
 * stored sealed), otherwise the deployment's (Twilio from the environment, or the simulator).
 * Webhooks are verified with the same account's auth token.
 */
export function accountCarriers(
  secrets: SecretBox,
  deployment: { carrier: Carrier; credentials: TwilioCredentials | null },
  options?: TwilioCarrierOptions,
) {
  const deploymentCredentials = deployment.credentials ?? simulatorCredentials(secrets);
  return {
    carrierFor: (account: { carrierCredentials: string | null }): Carrier =>
      account.carrierCredentials
        ? createCarrier(openCarrierCredentials(secrets, account.carrierCredentials), options)
        : deployment.carrier,
    carrierWith: (credentials: TwilioCredentials): Carrier => createCarrier(credentials, options),
    webhookCredentialsFor: (account: { carrierCredentials: string | null }): TwilioCredentials =>
      account.carrierCredentials
        ? openCarrierCredentials(secrets, account.carrierCredentials)
        : deploymentCredentials,
  };
}
