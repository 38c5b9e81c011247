/**
 * How a supervisor takes part in a live call. Twilio's conference participants express all three
 * with two settings: `muted` (heard by nobody) and `coach` (heard by the rep only).
 */
export const SUPERVISION_MODES = ['listen', 'whisper', 'barge'] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];

/** What a conference participant is told for a mode; `coach` is the rep's leg (Twilio: CallSidToCoach). */
export interface ParticipantSettings {
  muted: boolean;
  coach: string | null;
}

export function participantSettings(mode: SupervisionMode, repLegSid: string): ParticipantSettings {
  switch (mode) {
    case 'listen':
      return { muted: true, coach: null };
    case 'whisper':
      return { muted: false, coach: repLegSid };
    case 'barge':
      return { muted: false, coach: null };
  }
}

/** The reverse, for a participant the carrier reports: what mode it is in. */
export function modeOf(settings: ParticipantSettings): SupervisionMode {
  if (settings.coach) return 'whisper';
  return settings.muted ? 'listen' : 'barge';
}

/** One conference per call, named after it so every instance finds the same room. */
export function conferenceName(callId: string): string {
  return `parley-${callId}`;
}

/** Participant labels: Twilio addresses a participant by its label as well as by its CallSid. */
export const REP_LABEL = 'rep';
export const CUSTOMER_LABEL = 'customer';
export function supervisorLabel(supervisionId: string): string {
  return `supervisor-${supervisionId}`;
}
