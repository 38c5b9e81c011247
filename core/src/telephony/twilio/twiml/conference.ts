import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

export interface ConferencePartyOptions {
  /** The conference's friendly name (one per call). */
  name: string;
  /** The participant's label, by which the Participants API can address it. */
  label: string;
}

/**
 * A party of a supervisable call joining the call's conference: the rep and the customer. Either
 * hanging up ends the conference, as the end of a two-party <Dial> would; no beep, no hold music.
 */
export function renderConferenceParty(options: ConferencePartyOptions): string {
  const response = new twilio.twiml.VoiceResponse();
  response.dial().conference(
    {
      participantLabel: options.label,
      beep: 'false',
      startConferenceOnEnter: true,
      endConferenceOnExit: true,
    },
    options.name,
  );
  return response.toString();
}

export interface SupervisorJoinOptions extends ConferencePartyOptions {
  muted: boolean;
  /** The rep's CallSid when whispering: only that participant hears the supervisor. */
  coach: string | null;
}

/**
 * The supervisor's leg joining: silently (muted), as the rep's coach, or as a third party. It
 * neither starts nor ends the conference, and joins without a beep so the customer is not told.
 */
export function renderSupervisorJoin(options: SupervisorJoinOptions): string {
  const response = new twilio.twiml.VoiceResponse();
  const attributes: VoiceResponse.ConferenceAttributes = {
    participantLabel: options.label,
    muted: options.muted,
    beep: 'false',
    startConferenceOnEnter: false,
    endConferenceOnExit: false,
  };
  if (options.coach) attributes.coach = options.coach;
  response.dial().conference(attributes, options.name);
  return response.toString();
}
