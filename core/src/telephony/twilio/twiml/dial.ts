import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { WebhookUrls } from './urls.ts';

/** Every leg reports each stage, so the dialer and the call record can follow who is ringing. */
export const LEG_EVENTS: NonNullable<VoiceResponse.ClientAttributes['statusCallbackEvent']> = [
  'initiated',
  'ringing',
  'answered',
  'completed',
];

/** Recording callbacks also on `absent`, so a call that recorded nothing is not waited for forever. */
export const RECORDING_EVENTS: NonNullable<VoiceResponse.DialAttributes['recordingStatusCallbackEvent']> = [
  'completed',
  'absent',
];

export interface DialOptions {
  urls: WebhookUrls;
  callId: string;
  /** Where Twilio posts when the dial ends. */
  action: string;
  callerId: string;
  record: boolean;
  /** Seconds to ring; Twilio's own default (30) when absent. */
  timeout?: number;
}

/**
 * The attributes every Parley <Dial> shares. answerOnBridge keeps the caller hearing ringback, and
 * the call unanswered and unbilled, until a leg picks up. Recording is dual-channel from the answer:
 * the caller on one channel and the member on the other, which transcription needs to say who spoke.
 */
export function dialAttributes(options: DialOptions): VoiceResponse.DialAttributes {
  const attributes: VoiceResponse.DialAttributes = {
    action: options.action,
    method: 'POST',
    answerOnBridge: true,
    callerId: options.callerId,
  };
  if (options.timeout !== undefined) attributes.timeout = options.timeout;
  if (options.record) {
    attributes.record = 'record-from-answer-dual';
    attributes.recordingStatusCallback = options.urls.recording(options.callId);
    attributes.recordingStatusCallbackEvent = RECORDING_EVENTS;
  }
  return attributes;
}
