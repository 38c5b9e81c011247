import { describe, expect, it } from 'vitest';
import { AiError } from '../errors.ts';
import { decodeWav, encodeWav, isWav, resample } from './wav.ts';

function tone(hz: number, sampleRate: number, seconds: number): Float32Array {
  return Float32Array.from(
    { length: Math.round(sampleRate * seconds) },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / sampleRate),
  );
}

function crossings(samples: Float32Array): number {
  let count = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1] ?? 0) < 0 !== (samples[i] ?? 0) < 0) count++;
  return count;
}

/** A one-frame 16-bit mono WAV from `encodeWav`, its header open for rewriting into other formats. */
function oneFrame(): DataView {
  const bytes = encodeWav({ sampleRate: 8000, channels: [new Float32Array(1)] });
  return new DataView(bytes.buffer);
}

/** Rewrites the format chunk (at its fixed place in `encodeWav`'s output) to another sample format. */
function reformat(view: DataView, format: number, bits: number): Uint8Array {
  view.setUint16(20, format, true);
  view.setUint16(32, bits / 8, true);
  view.setUint16(34, bits, true);
  return new Uint8Array(view.buffer);
}

describe('WAV files', () => {
  it('keeps two channels apart through encoding and decoding', () => {
    const left = tone(300, 8000, 0.1);
    const right = tone(700, 8000, 0.1);
    const pcm = decodeWav(encodeWav({ sampleRate: 8000, channels: [left, right] }));
    expect(pcm.sampleRate).toBe(8000);
    expect(pcm.channels).toHaveLength(2);
    expect(crossings(pcm.channels[0] as Float32Array)).toBe(crossings(left));
    expect(crossings(pcm.channels[1] as Float32Array)).toBe(crossings(right));
    expect(Math.abs((pcm.channels[1]?.[3] ?? 0) - (right[3] ?? 0))).toBeLessThan(1e-4);
  });

  it('reads a streamed WAV whose sizes were left at their placeholder, as espeak-ng writes to stdout', () => {
    const bytes = encodeWav({ sampleRate: 22050, channels: [Float32Array.of(0.5, -0.5)] });
    const view = new DataView(bytes.buffer);
    view.setUint32(4, 0x7fffffff, true);
    view.setUint32(40, 0x7fffffff, true);
    const pcm = decodeWav(bytes);
    expect(Array.from(pcm.channels[0] ?? []).map((v) => Number(v.toFixed(3)))).toEqual([0.5, -0.5]);
  });

  it('reads G.711 µ-law, as telephony tools write it', () => {
    const view = oneFrame();
    view.setUint8(44, 0xff); // µ-law silence
    view.setUint8(45, 0x80); // the loudest positive sample
    const samples = decodeWav(reformat(view, 7, 8)).channels[0] ?? new Float32Array();
    expect(samples[0]).toBe(0);
    expect(samples[1]).toBeCloseTo(32124 / 32768, 4);
  });

  it('refuses what is not a WAV, naming what to fetch instead', () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(isWav(mp3)).toBe(false);
    expect(() => decodeWav(mp3)).toThrow(AiError);
    expect(() => decodeWav(mp3)).toThrow(/\.wav/);
  });

  it('refuses sample formats it cannot read', () => {
    expect(() => decodeWav(reformat(oneFrame(), 2, 4))).toThrow(/not supported/);
  });
});

describe('resampling', () => {
  it('keeps the pitch and the duration when going from 22 050 Hz to 16 kHz and from 8 kHz to 16 kHz', () => {
    for (const from of [22050, 8000]) {
      const input = tone(440, from, 1);
      const output = resample(input, from, 16000);
      expect(output.length).toBe(16000);
      expect(Math.abs(crossings(output) - crossings(input))).toBeLessThanOrEqual(2);
    }
  });

  it('returns the samples untouched when the rate is already right', () => {
    const input = tone(440, 16000, 0.01);
    expect(resample(input, 16000, 16000)).toBe(input);
  });
});
