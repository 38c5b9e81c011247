import type { ConferenceControl } from '../conference-control.ts';
import { CarrierError } from '../errors.ts';
import { parseTwilioError } from './parse-twilio-error.ts';
import { twilioRestClient } from './rest-client.ts';
import type { TwilioCarrierOptions, TwilioCredentials } from './twilio-carrier.ts';

/**
 * Live listening on Twilio. The rep's leg is redirected into the conference (the caller's <Dial>
 * then ends and its action joins the caller too); the supervisor's dialer is called into it; the
 * Participants API switches them between muted, coaching (CallSidToCoach) and plain.
 * https://www.twilio.com/docs/voice/api/conference-participant-resource
 */
export function twilioConferenceControl(
  creds: TwilioCredentials,
  options: TwilioCarrierOptions = {},
): ConferenceControl {
  const client = twilioRestClient(creds, options);

  async function carrierCall<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw parseTwilioError(error);
    }
  }

  /** The Participants API wants the conference's sid (CF…); Parley knows its friendly name. */
  async function conferenceSid(name: string): Promise<string> {
    const [found] = await carrierCall(() =>
      client.conferences.list({ friendlyName: name, status: 'in-progress', limit: 1 }),
    );
    if (!found)
      throw new CarrierError(
        'not_found',
        `Twilio has no conference ${name} in progress: the call has ended.`,
      );
    return found.sid;
  }

  return {
    kind: 'twilio',
    async bridge({ repLegSid, repUrl }) {
      // Twilio requests the caller's Dial action by itself once the rep's leg leaves the <Dial>.
      await carrierCall(() => client.calls(repLegSid).update({ url: repUrl, method: 'POST' }));
    },
    async addSupervisor({ from, to, url }) {
      const call = await carrierCall(() => client.calls.create({ from, to, url, method: 'POST' }));
      return { sid: call.sid };
    },
    async update({ conference, participant, muted, coach }) {
      const sid = await conferenceSid(conference);
      await carrierCall(() =>
        client
          .conferences(sid)
          .participants(participant)
          .update(coach ? { muted, coaching: true, callSidToCoach: coach } : { muted, coaching: false }),
      );
    },
    async remove({ conference, participant }) {
      const sid = await conferenceSid(conference);
      await carrierCall(() => client.conferences(sid).participants(participant).remove());
    },
  };
}
