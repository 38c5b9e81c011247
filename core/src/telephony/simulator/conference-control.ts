import type { ConferenceControl } from '../conference-control.ts';
import { CarrierError } from '../errors.ts';
import { formBody } from '../twilio/webhooks/form.ts';
import { computeTwilioSignature } from '../twilio/webhooks/signature.ts';
import { ConferenceRooms, conferenceJoinOf } from './conference-rooms.ts';
import { newSid } from './voice/sids.ts';
import { readTwiml } from './voice/twiml-reader.ts';

/** The rooms of this process's simulated conferences (the simulator keeps its calls in memory). */
export const simulatedConferences = new ConferenceRooms();

interface SimulatorCredentials {
  accountSid: string;
  authToken: string;
}

/**
 * Live listening on the simulator: each leg fetches its TwiML from the server over signed HTTP, as
 * Twilio would, and joins the room its <Dial><Conference> names with the muted/coach it asks for;
 * participant updates change the room's state as Twilio's Participants API would.
 */
export function simulatorConferenceControl(
  creds: SimulatorCredentials,
  rooms: ConferenceRooms = simulatedConferences,
  fetcher: typeof fetch = fetch,
): ConferenceControl {
  async function join(url: string, callSid: string, params: Record<string, string>) {
    const body = { AccountSid: creds.accountSid, ApiVersion: '2010-04-01', CallSid: callSid, ...params };
    const response = await fetcher(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-twilio-signature': computeTwilioSignature(creds.authToken, url, body),
      },
      body: formBody(body),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new CarrierError('unavailable', `POST ${url} answered ${response.status} instead of TwiML.`, {
        status: response.status,
      });
    return rooms.join(callSid, conferenceJoinOf(readTwiml(text), url));
  }

  return {
    kind: 'simulator',
    async bridge({ repLegSid, repUrl, caller, callerUrl }) {
      await join(repUrl, repLegSid, {
        CallStatus: 'in-progress',
        Direction: 'outbound-dial',
        From: caller.from,
        To: caller.to,
        ParentCallSid: caller.sid,
      });
      // The caller's <Dial> ended when its other party left for the conference: bridged, completed.
      await join(callerUrl, caller.sid, {
        CallStatus: 'in-progress',
        From: caller.from,
        To: caller.to,
        Direction: 'inbound',
        DialCallStatus: 'completed',
        DialCallSid: repLegSid,
        DialBridged: 'true',
      });
    },
    async addSupervisor({ from, to, url }) {
      const sid = newSid('CA');
      await join(url, sid, { CallStatus: 'in-progress', Direction: 'outbound-api', From: from, To: to });
      return { sid };
    },
    async update({ conference, participant, muted, coach }) {
      rooms.update(conference, participant, { muted, coach });
    },
    async remove({ conference, participant }) {
      rooms.leave(conference, participant);
    },
  };
}
