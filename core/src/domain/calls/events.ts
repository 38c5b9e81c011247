import { z } from 'zod';
import { CALL_STATUSES } from './call-status.ts';

/**
 * What the webhooks learn about a call, in carrier-neutral terms. A call's record is folded from
 * the set of these (see fold.ts), so each event states a fact with the instant it happened, never
 * an instruction to change the record.
 */

/** Accepts a Date or the ISO string a Date becomes once the event log is stored as JSON. */
const Instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((iso) => new Date(iso))], {
  error: 'Give `at` as a date or an ISO 8601 timestamp with its offset, e.g. 2026-03-02T09:15:00Z.',
});

const Sid = z.string().min(1, 'A carrier sid cannot be empty.');
const MemberId = z.uuid({ error: 'A member id must be the id (a UUID) of a member of this account.' });
const Seconds = z
  .int({ error: 'Give a duration as whole seconds.' })
  .nonnegative('A duration cannot be negative.');
const Url = z.url({ error: 'Give the recording URL as an absolute URL.' });
const E164Shape = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'Give the account number in E.164 form, e.g. +33612345678.');

export const CallStatusSchema = z.enum(CALL_STATUSES, {
  error: `A call status is one of ${CALL_STATUSES.join(', ')} (map Twilio's "initiated" to "queued").`,
});

export const DIAL_STATUSES = ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'] as const;

const CallCreated = z.object({
  type: z.literal('call.created'),
  sid: Sid,
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().min(1),
  to: z.string().min(1),
  /** The account's number: `to` of an inbound call, the caller ID of an outbound one. */
  numberE164: E164Shape,
  placedBy: MemberId.optional(),
  /** The contact recognised before the dialer rang. */
  contactId: z.uuid().optional(),
  at: Instant,
});

const CallStatusChanged = z.object({
  type: z.literal('call.status'),
  sid: Sid,
  parentSid: Sid.optional(),
  to: z.string().min(1).optional(),
  status: CallStatusSchema,
  /** Twilio's SequenceNumber: per call sid, 0-based, in the order the carrier sent them. */
  sequence: z.int().nonnegative('A sequence number cannot be negative.').optional(),
  /** Twilio's CallDuration on a terminal status: seconds the call was connected. */
  durationSeconds: Seconds.optional(),
  at: Instant,
});

const LegCreated = z.object({
  type: z.literal('leg.created'),
  sid: Sid,
  parentSid: Sid,
  memberId: MemberId,
  to: z.string().min(1).optional(),
  at: Instant,
});

const DialResult = z.object({
  type: z.literal('dial.result'),
  parentSid: Sid,
  dialStatus: z.enum(DIAL_STATUSES),
  dialCallSid: Sid.optional(),
  bridged: z.boolean(),
  /** Twilio's DialCallDuration. */
  durationSeconds: Seconds.optional(),
  at: Instant,
});

const AfterHours = z.object({ type: z.literal('call.after_hours'), at: Instant });

const VoicemailRecorded = z.object({
  type: z.literal('voicemail.recorded'),
  recordingSid: Sid,
  url: Url,
  durationSeconds: Seconds,
  at: Instant,
});

const VoicemailTranscribed = z.object({
  type: z.literal('voicemail.transcribed'),
  recordingSid: Sid,
  text: z.string(),
  at: Instant,
});

const RecordingCompleted = z.object({
  type: z.literal('recording.completed'),
  sid: Sid,
  url: Url,
  durationSeconds: Seconds,
  at: Instant,
});

/** The member who won the answer claim for this call; the bus guarantees there is one. */
const AnsweredBy = z.object({
  type: z.literal('call.answered_by'),
  memberId: MemberId,
  legSid: Sid,
  at: Instant,
});

/** What a rep adds to the call; for each field the latest annotation wins. */
const Annotated = z
  .object({
    type: z.literal('call.annotated'),
    notes: z.string().max(10_000, 'Keep notes under 10,000 characters.').optional(),
    disposition: z.string().min(1).max(100, 'Keep the disposition under 100 characters.').optional(),
    contactId: z.uuid().optional(),
    at: Instant,
  })
  .refine((event) => [event.notes, event.disposition, event.contactId].some((field) => field !== undefined), {
    error: 'An annotation needs notes, a disposition or a contact.',
  });

export const CallEventSchema = z.discriminatedUnion('type', [
  CallCreated,
  CallStatusChanged,
  LegCreated,
  DialResult,
  AfterHours,
  VoicemailRecorded,
  VoicemailTranscribed,
  RecordingCompleted,
  AnsweredBy,
  Annotated,
]);

export type CallEvent = z.output<typeof CallEventSchema>;
export type CallEventType = CallEvent['type'];
export type CallEventOf<T extends CallEventType> = Extract<CallEvent, { type: T }>;

/** Parses one event from a webhook or from the stored event log; throws a ZodError naming the field. */
export function parseCallEvent(input: unknown): CallEvent {
  return CallEventSchema.parse(input);
}
