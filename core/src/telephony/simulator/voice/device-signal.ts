import { z } from 'zod';
import { CarrierError } from '../../errors.ts';
import { computeTwilioSignature } from '../../twilio/webhooks/signature.ts';

/** What a member did in their dialer about a call ringing it, or about the call they are on. */
export type DeviceAction = 'answer' | 'decline' | 'hangup';

/**
 * Stands for the Voice SDK's signalling to Twilio: on Twilio the browser answers, declines and
 * hangs up over its own connection; here the dialer tells the server, and the simulator asks it.
 */
export interface DeviceSignal {
  /** The latest action of the dialer `identity` on the parent call `callSid`; null when it did nothing yet. */
  action(callSid: string, identity: string): Promise<DeviceAction | null>;
  /** How often a ringing or bridged browser leg is asked about, in milliseconds. */
  readonly pollMs: number;
}

const Answer = z.object({ action: z.enum(['answer', 'decline', 'hangup']).nullable() });

/**
 * Asks the server's GET /api/simulator/device, signed like a Twilio webhook with the account's
 * auth token over the exact URL, so only the simulator holding that token can read it.
 */
export function httpDeviceSignal(options: {
  url: string;
  authToken: string;
  pollMs?: number;
  fetch?: typeof fetch;
}): DeviceSignal {
  const doFetch = options.fetch ?? fetch;
  return {
    pollMs: options.pollMs ?? 250,
    async action(callSid, identity) {
      const url = `${options.url}?${new URLSearchParams({ callSid, identity })}`;
      const response = await doFetch(url, {
        headers: { 'x-twilio-signature': computeTwilioSignature(options.authToken, url, {}) },
      });
      if (!response.ok)
        throw new CarrierError(
          'unavailable',
          `GET ${url} answered ${response.status}: the server did not say what the dialer did.`,
          { status: response.status },
        );
      return Answer.parse(await response.json()).action;
    },
  };
}
