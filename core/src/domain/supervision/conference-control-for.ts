import type { Services } from '../../services.ts';
import type { ConferenceControl } from '../../telephony/conference-control.ts';
import { simulatorConferenceControl } from '../../telephony/simulator/conference-control.ts';
import { twilioConferenceControl } from '../../telephony/twilio/conference-control.ts';

/** The account's carrier's live-listening control, with the credentials that carrier signs with. */
export function conferenceControlFor(
  services: Services,
  account: { carrierCredentials: string | null },
): ConferenceControl {
  const creds = services.webhookCredentialsFor(account);
  return services.carrierFor(account).kind === 'twilio'
    ? twilioConferenceControl(creds)
    : simulatorConferenceControl(creds);
}
