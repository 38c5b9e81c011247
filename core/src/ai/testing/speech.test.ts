import { describe, expect, it } from 'vitest';
import { decodeWav } from '../transcription/wav.ts';
import { conversation, speechAudio } from './speech.ts';

function loudness(samples: Float32Array, from: number, to: number): number {
  let peak = 0;
  for (let i = Math.floor(from); i < Math.min(samples.length, to); i++)
    peak = Math.max(peak, Math.abs(samples[i] ?? 0));
  return peak;
}

describe('espeak-ng speech for tests', () => {
  it('speaks English and French as mono WAV', async () => {
    for (const language of ['en', 'fr'] as const) {
      const audio = await speechAudio(language === 'en' ? 'Good morning.' : 'Bonjour.', language);
      const pcm = decodeWav(audio.bytes);
      expect(audio).toMatchObject({ contentType: 'audio/wav', channels: 1 });
      expect(pcm.channels).toHaveLength(1);
      expect(loudness(pcm.channels[0] ?? new Float32Array(), 0, Number.POSITIVE_INFINITY)).toBeGreaterThan(
        0.1,
      );
    }
  });

  it('records a call with the customer on channel 1, the rep on channel 2, and silence across', async () => {
    const { audio, turns } = await conversation(
      [
        { speaker: 'customer', text: 'Hello?' },
        { speaker: 'rep', text: 'Good morning.' },
      ],
      'en',
    );
    const pcm = decodeWav(audio.bytes);
    expect(audio.channels).toBe(2);
    const [customer = new Float32Array(), rep = new Float32Array()] = pcm.channels;
    const [first, second] = turns;
    if (!first || !second) throw new Error('two turns expected');
    expect(first.end).toBeLessThan(second.start);
    const at = (seconds: number) => seconds * pcm.sampleRate;
    expect(loudness(customer, at(first.start), at(first.end))).toBeGreaterThan(0.1);
    expect(loudness(rep, at(first.start), at(first.end))).toBe(0);
    expect(loudness(rep, at(second.start), at(second.end))).toBeGreaterThan(0.1);
    expect(loudness(customer, at(second.start), at(second.end))).toBe(0);
  });
});
