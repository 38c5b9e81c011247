/**
 * Live listening's port to the carrier: move a live call into its conference, add a supervisor's
 * leg, change how the supervisor takes part, let them go. Twilio does it with its REST API (Calls
 * and Conference Participants); the simulator with signed TwiML fetches and room state.
 */
export interface ConferenceControl {
  readonly kind: 'twilio' | 'simulator';
  /**
   * Moves the rep's leg of a bridged call into the conference (its TwiML at `repUrl`); the caller
   * follows when the <Dial> it was in ends, through the Dial action: Twilio requests the <Dial>'s
   * own action URL, the simulator posts `callerUrl`.
   */
  bridge(request: {
    repLegSid: string;
    repUrl: string;
    /** The parent call: its sid and its From/To, as the Dial action carries them. */
    caller: { sid: string; from: string; to: string };
    callerUrl: string;
  }): Promise<void>;
  /** Calls the supervisor's dialer; its TwiML (at `url`) joins the conference. */
  addSupervisor(request: { from: string; to: string; url: string }): Promise<{ sid: string }>;
  /** Twilio's participant update: `muted`, and `coaching` with `callSidToCoach`. */
  update(request: {
    conference: string;
    participant: string;
    muted: boolean;
    coach: string | null;
  }): Promise<void>;
  /** Takes the participant out of the conference; the call goes on. */
  remove(request: { conference: string; participant: string }): Promise<void>;
}
