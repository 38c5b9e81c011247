import type { CallStatus } from './call-status.ts';

export type CallDirection = 'inbound' | 'outbound';

export type CallResult =
  | 'answered'
  | 'missed'
  | 'voicemail'
  | 'abandoned'
  | 'busy'
  | 'failed'
  | 'after_hours';

/** One carrier call placed for this call: a member's dialer or phone, a forward, the customer of an outbound call. */
export interface CallLeg {
  sid: string;
  parentSid?: string;
  /** Set when the leg rang a member (from `leg.created` or `call.answered_by`). */
  memberId?: string;
  to?: string;
  status: CallStatus;
  /** Highest carrier sequence number seen for this leg; absent when the carrier sent none. */
  sequence?: number;
  startedAt: Date;
  answeredAt?: Date;
  endedAt?: Date;
  /** The carrier's own count of connected seconds, when it reported one. */
  durationSeconds?: number;
}

export interface CallRecording {
  sid: string;
  url: string;
  durationSeconds: number;
}

export interface CallVoicemail {
  recordingSid: string;
  url: string;
  durationSeconds: number;
  transcript?: string;
}

/**
 * Everything known about one call, derived by `foldCall` from its events alone. Timestamps
 * always read created ≤ ringing ≤ answered ≤ ended.
 */
export interface CallRecord {
  /** The carrier's sid of the parent call. */
  id: string;
  direction: CallDirection;
  from: string;
  to: string;
  /** The account's number the call came in on or went out from. */
  numberE164: string;
  /** The parent call's status. */
  status: CallStatus;
  /** The member who placed an outbound call. */
  placedBy?: string;
  createdAt: Date;
  /** First ringing of the parent call or of any leg. */
  ringingAt?: Date;
  /** When the winning leg answered. */
  answeredAt?: Date;
  endedAt?: Date;
  /** Whole seconds from ringing (or creation) until answered (or ended). */
  ringSeconds?: number;
  /** Whole seconds the winning leg was connected. */
  talkSeconds?: number;
  /** Absent while the call is live and nothing has decided it yet. */
  result?: CallResult;
  answeredBy?: string;
  rungMemberIds: string[];
  legs: CallLeg[];
  recording?: CallRecording;
  voicemail?: CallVoicemail;
  contactId?: string;
  notes?: string;
  disposition?: string;
  /**
   * True once the parent call reached a terminal status. Not the last word: recordings,
   * transcripts, late leg callbacks and notes still arrive afterwards and change the record, so
   * whoever writes the outbox writes a row for those updates too.
   */
  final: boolean;
}
