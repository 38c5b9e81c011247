import type { CallVoicemail } from '../../domain/calls/call-record.ts';
import type { Transcriber, Transcript } from './port.ts';

/**
 * Twilio transcribes voicemails itself when `<Record transcribe="true">` asks it to, and posts the
 * text to the transcription webhook; the call keeps it as `voicemail.transcript`. Twilio gives neither
 * timings nor the language, so the text is one segment spanning the message, said by the caller.
 */
export function voicemailTranscript(voicemail: CallVoicemail): Transcript | null {
  const text = voicemail.transcript?.trim();
  if (!text) return null;
  return {
    language: null,
    segments: [{ speaker: 'customer', start: 0, end: voicemail.durationSeconds, text }],
    engine: 'twilio',
  };
}

/**
 * For a voicemail, the transcript Twilio already made when there is one, and `transcriber`'s
 * otherwise (Twilio's failed, never came, or the account did not ask for it).
 */
export function withVoicemailTranscript(
  transcriber: Transcriber,
  voicemail: CallVoicemail | undefined,
): Transcriber {
  const ready = voicemail && voicemailTranscript(voicemail);
  if (!ready) return transcriber;
  return {
    name: 'twilio',
    async transcribe() {
      return ready;
    },
  };
}
