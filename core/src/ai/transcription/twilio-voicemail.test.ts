import { describe, expect, it } from 'vitest';
import type { Transcriber } from './port.ts';
import { voicemailTranscript, withVoicemailTranscript } from './twilio-voicemail.ts';

const voicemail = { recordingSid: 'RE0123', url: 'https://api.twilio.com/RE0123', durationSeconds: 25 };

const engine: Transcriber & { calls: number } = {
  name: 'offline:test-engine',
  calls: 0,
  async transcribe() {
    this.calls++;
    return {
      language: 'en',
      segments: [{ speaker: 'unknown', start: 0, end: 1, text: 'from the engine' }],
      engine: this.name,
    };
  },
};

describe('Twilio’s voicemail transcription', () => {
  it('becomes one segment said by the caller across the whole message', () => {
    expect(voicemailTranscript({ ...voicemail, transcript: ' Rappelez-moi demain. ' })).toEqual({
      language: null,
      segments: [{ speaker: 'customer', start: 0, end: 25, text: 'Rappelez-moi demain.' }],
      engine: 'twilio',
    });
  });

  it('is used for a voicemail instead of transcribing the audio again', async () => {
    engine.calls = 0;
    const transcriber = withVoicemailTranscript(engine, { ...voicemail, transcript: 'Call me back' });
    const transcript = await transcriber.transcribe({
      bytes: new Uint8Array(),
      contentType: 'audio/wav',
      channels: 1,
    });
    expect(transcript.engine).toBe('twilio');
    expect(transcript.segments[0]?.text).toBe('Call me back');
    expect(engine.calls).toBe(0);
  });

  it('leaves the audio to the configured engine when Twilio sent no text, or for a call that is no voicemail', () => {
    expect(withVoicemailTranscript(engine, voicemail)).toBe(engine);
    expect(withVoicemailTranscript(engine, { ...voicemail, transcript: '  ' })).toBe(engine);
    expect(withVoicemailTranscript(engine, undefined)).toBe(engine);
  });
});
