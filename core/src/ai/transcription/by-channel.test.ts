import { describe, expect, it } from 'vitest';
import { transcribeByChannel } from './by-channel.ts';

describe('transcribing by channel', () => {
  it('names channel 1 the customer and channel 2 the rep, and interleaves their segments in time', async () => {
    const pcm = { sampleRate: 8000, channels: [Float32Array.of(1), Float32Array.of(2)] };
    const result = await transcribeByChannel(pcm, async (mono) => {
      const customer = mono.channels[0]?.[0] === 1;
      return {
        language: customer ? null : 'fr',
        utterances: customer
          ? [
              { start: 0, end: 1, text: 'allô' },
              { start: 4, end: 5, text: 'merci' },
            ]
          : [{ start: 2, end: 3, text: 'bonjour' }],
      };
    });
    expect(result).toEqual({
      language: 'fr',
      segments: [
        { speaker: 'customer', start: 0, end: 1, text: 'allô' },
        { speaker: 'rep', start: 2, end: 3, text: 'bonjour' },
        { speaker: 'customer', start: 4, end: 5, text: 'merci' },
      ],
    });
  });

  it('cannot tell who spoke in a mono recording', async () => {
    const result = await transcribeByChannel(
      { sampleRate: 8000, channels: [Float32Array.of(0)] },
      async () => ({
        language: 'en',
        utterances: [{ start: 0, end: 1, text: 'hello' }],
      }),
    );
    expect(result.segments).toEqual([{ speaker: 'unknown', start: 0, end: 1, text: 'hello' }]);
  });
});
