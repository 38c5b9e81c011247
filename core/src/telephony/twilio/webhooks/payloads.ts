import { z } from 'zod';
import { CALL_STATUSES } from '../../../domain/calls/call-status.ts';
import { CarrierError } from '../../errors.ts';

/**
 * The form bodies Twilio posts to our webhooks. Every value arrives as a string; counts, times and
 * flags become numbers, Dates and booleans here so the rest of the code never parses them again.
 * Unknown keys are kept: Twilio adds fields over time, and a browser dialer's device.connect()
 * params arrive as extra fields of the voice webhook. A blank value counts as absent, since Twilio
 * sends empty strings for fields it has nothing for.
 *
 * Enums come from Twilio's OpenAPI file (payloads.test.ts holds them to it) where it has them, and
 * from the TwiML docs where it does not (DialCallStatus).
 */

// call_enum_status: the domain's statuses are Twilio's (payloads.test.ts holds them to the spec).
export { CALL_STATUSES } from '../../../domain/calls/call-status.ts';

// The spec lists these in the description of a call's `direction`, not as an enum. A browser
// dialer's outgoing call reaches the voice URL as `inbound` (Twilio received it).
export const CALL_DIRECTIONS = [
  'inbound',
  'outbound-api',
  'outbound-dial',
  'trunking-terminating',
  'trunking-originating',
] as const;
// <Dial action>; not in the REST spec. `answered` and `completed` both mean someone picked up.
export const DIAL_CALL_STATUSES = [
  'completed',
  'answered',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;
// recording_enum_status, plus `failed`, which Twilio support documents for encrypted recordings
// that could not be encrypted and which the spec omits.
export const RECORDING_STATUSES = [
  'in-progress',
  'paused',
  'stopped',
  'processing',
  'completed',
  'absent',
  'deleted',
  'failed',
] as const;
// recording_enum_source
export const RECORDING_SOURCES = [
  'DialVerb',
  'Conference',
  'OutboundAPI',
  'Trunking',
  'RecordVerb',
  'StartCallRecordingAPI',
  'StartConferenceRecordingAPI',
] as const;
// transcription_enum_status
export const TRANSCRIPTION_STATUSES = ['in-progress', 'completed', 'failed'] as const;

function sid(prefix: string) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `expected ${prefix} followed by 32 hex characters`);
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

const wholeNumber = z
  .string()
  .regex(/^\d+$/, 'expected a whole number')
  .transform((value) => Number(value));

const confidence = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'expected a number between 0 and 1')
  .transform((value) => Number(value));

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

// RFC 2822 as Twilio writes it: "Tue, 10 Mar 2026 14:03:07 +0000". Date.parse alone would also take
// "1" or "2026", so the shape is checked first.
const RFC_2822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (?:[+-]\d{4}|GMT|UT)$/;
const rfc2822Date = z
  .string()
  .regex(RFC_2822, 'expected an RFC 2822 date such as "Tue, 10 Mar 2026 14:03:07 +0000"')
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), 'expected a real calendar date');

// Sent with every request Twilio makes about a call: voice URL, action URLs, status callbacks.
const callFields = {
  AccountSid: sid('AC'),
  CallSid: sid('CA'),
  From: z.string(),
  To: z.string(),
  CallStatus: z.enum(CALL_STATUSES),
  Direction: z.enum(CALL_DIRECTIONS),
  ApiVersion: optional(z.string()),
  ParentCallSid: optional(sid('CA')),
  ApplicationSid: optional(sid('AP')),
  Caller: optional(z.string()),
  Called: optional(z.string()),
};

const callRecordingFields = {
  RecordingUrl: optional(z.string()),
  RecordingSid: optional(sid('RE')),
  RecordingDuration: optional(wholeNumber),
};

/** POST /webhooks/twilio/voice: an inbound call, or an outgoing call from a browser dialer. */
export const voiceWebhookSchema = z.looseObject(callFields);

/**
 * statusCallback of a call or of a <Dial> noun. Callbacks can arrive out of order or twice:
 * SequenceNumber (0-based, per call) orders them.
 */
export const callStatusCallbackSchema = z.looseObject({
  ...callFields,
  ...callRecordingFields,
  CallbackSource: optional(z.string()),
  SequenceNumber: optional(wholeNumber),
  Timestamp: optional(rfc2822Date),
  CallDuration: optional(wholeNumber),
  AnsweredBy: optional(z.string()),
});

/** <Dial action>: posted for the parent leg when the dial ends. */
export const dialActionSchema = z.looseObject({
  ...callFields,
  ...callRecordingFields,
  DialCallStatus: z.enum(DIAL_CALL_STATUSES),
  DialCallSid: optional(sid('CA')),
  DialCallDuration: optional(wholeNumber),
  DialBridged: optional(flag),
});

/** <Gather action>: Digits, or SpeechResult with its Confidence; neither after a silent timeout. */
export const gatherActionSchema = z.looseObject({
  ...callFields,
  Digits: optional(z.string()),
  SpeechResult: optional(z.string()),
  Confidence: optional(confidence),
});

/** recordingStatusCallback. CallSid is always the parent leg; RecordingUrl is usable once `completed`. */
export const recordingStatusCallbackSchema = z.looseObject({
  AccountSid: sid('AC'),
  CallSid: sid('CA'),
  RecordingSid: sid('RE'),
  RecordingUrl: optional(z.string()),
  RecordingStatus: z.enum(RECORDING_STATUSES),
  RecordingDuration: optional(wholeNumber),
  RecordingChannels: optional(z.enum(['1', '2']).transform((value) => Number(value))),
  RecordingSource: optional(z.enum(RECORDING_SOURCES)),
  RecordingStartTime: optional(z.string()),
  RecordingTrack: optional(z.string()),
  // 16101: too short, 16102: silent; sent with `absent`.
  ErrorCode: optional(wholeNumber),
});

/** <Record transcribeCallback>. */
export const transcriptionCallbackSchema = z.looseObject({
  AccountSid: sid('AC'),
  CallSid: sid('CA'),
  TranscriptionSid: sid('TR'),
  TranscriptionText: optional(z.string()),
  TranscriptionStatus: z.enum(TRANSCRIPTION_STATUSES),
  TranscriptionUrl: optional(z.string()),
  RecordingSid: sid('RE'),
  RecordingUrl: optional(z.string()),
});

export type CallStatus = (typeof CALL_STATUSES)[number];
export type DialCallStatus = (typeof DIAL_CALL_STATUSES)[number];
export type VoiceWebhook = z.output<typeof voiceWebhookSchema>;
export type CallStatusCallback = z.output<typeof callStatusCallbackSchema>;
export type DialAction = z.output<typeof dialActionSchema>;
export type GatherAction = z.output<typeof gatherActionSchema>;
export type RecordingStatusCallback = z.output<typeof recordingStatusCallbackSchema>;
export type TranscriptionCallback = z.output<typeof transcriptionCallbackSchema>;

/**
 * Parses a webhook body or throws an `invalid` CarrierError naming the first bad field. `what`
 * names the webhook in the message ("call status callback").
 */
export function parseWebhook<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  throw new CarrierError(
    'invalid',
    `Twilio ${what} rejected: ${field ? `${field}: ` : ''}${issue?.message ?? 'unreadable body'}.`,
  );
}
