import type { CallEvent } from '../../domain/calls/events.ts';
import type {
  CallStatusCallback,
  DialAction,
  RecordingStatusCallback,
  TranscriptionCallback,
} from '../../telephony/twilio/webhooks/payloads.ts';

/**
 * Twilio's webhook payloads as Parley's carrier-neutral call events (pure). `now` stands in
 * for callbacks that carry no Timestamp of their own.
 */

/** Twilio reports the `initiated` progress event with CallStatus=initiated; our model calls it queued. */
export function normaliseStatus(body: Record<string, unknown>): Record<string, unknown> {
  return body.CallStatus === 'initiated' ? { ...body, CallStatus: 'queued' } : body;
}

export function statusEvent(cb: CallStatusCallback, now: Date): CallEvent {
  return {
    type: 'call.status',
    sid: cb.CallSid,
    ...(cb.ParentCallSid ? { parentSid: cb.ParentCallSid } : {}),
    to: cb.To,
    status: cb.CallStatus,
    ...(cb.SequenceNumber !== undefined ? { sequence: cb.SequenceNumber } : {}),
    ...(cb.CallDuration !== undefined ? { durationSeconds: cb.CallDuration } : {}),
    at: cb.Timestamp ?? now,
  };
}

/** A member's leg: the first callback also says which member it rang. */
export function legEvents(cb: CallStatusCallback, memberId: string | null, now: Date): CallEvent[] {
  const status = statusEvent(cb, now);
  if (!memberId || !cb.ParentCallSid || (cb.CallStatus !== 'queued' && cb.CallStatus !== 'ringing'))
    return [status];
  return [
    {
      type: 'leg.created',
      sid: cb.CallSid,
      parentSid: cb.ParentCallSid,
      memberId,
      to: cb.To,
      at: cb.Timestamp ?? now,
    },
    status,
  ];
}

export function dialEvent(cb: DialAction, now: Date): CallEvent {
  return {
    type: 'dial.result',
    parentSid: cb.CallSid,
    dialStatus: cb.DialCallStatus,
    ...(cb.DialCallSid ? { dialCallSid: cb.DialCallSid } : {}),
    bridged: cb.DialBridged ?? (cb.DialCallStatus === 'completed' || cb.DialCallStatus === 'answered'),
    ...(cb.DialCallDuration !== undefined ? { durationSeconds: cb.DialCallDuration } : {}),
    at: now,
  };
}

/** `<Record>` makes a voicemail; `<Dial record>` a call recording. Absent recordings are no event. */
export function recordingEvent(cb: RecordingStatusCallback, now: Date): CallEvent | null {
  if (cb.RecordingStatus !== 'completed' || !cb.RecordingUrl) return null;
  const base = { url: cb.RecordingUrl, durationSeconds: cb.RecordingDuration ?? 0, at: now };
  return cb.RecordingSource === 'RecordVerb'
    ? { type: 'voicemail.recorded', recordingSid: cb.RecordingSid, ...base }
    : { type: 'recording.completed', sid: cb.RecordingSid, ...base };
}

export function transcriptionEvent(cb: TranscriptionCallback, now: Date): CallEvent | null {
  if (cb.TranscriptionStatus !== 'completed') return null;
  return {
    type: 'voicemail.transcribed',
    recordingSid: cb.RecordingSid,
    text: cb.TranscriptionText ?? '',
    at: now,
  };
}
