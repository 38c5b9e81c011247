import { describe, expect, it } from 'vitest';
import { audioProblemOf, micLevel, networkStats, verdictOf, warningFor } from './call-quality.ts';

const sine = (amplitude: number, length = 2048) =>
  Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 64));

describe('the microphone level meter', () => {
  it('reads silence as 0 and a full-scale square wave as 1', () => {
    expect(micLevel(new Float32Array(2048))).toBe(0);
    expect(micLevel([])).toBe(0);
    expect(micLevel(Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : -1)))).toBe(1);
  });

  it('maps decibels linearly: a sine at -20 dBFS RMS reads two thirds of the way up from -60 dB', () => {
    // A sine's RMS is its amplitude / √2: amplitude 0.1·√2 gives an RMS of 0.1, i.e. -20 dBFS.
    expect(micLevel(sine(0.1 * Math.SQRT2))).toBeCloseTo(40 / 60, 3);
  });

  it('keeps anything under -60 dBFS at 0 rather than going negative', () => {
    expect(micLevel(sine(0.0001))).toBe(0);
  });
});

describe('the network test', () => {
  it('averages round trips, takes jitter as the mean change between consecutive ones, and counts losses', () => {
    const stats = networkStats({ samples: [100, 110, null, 90, 100] });
    expect(stats).toEqual({ averageRttMs: 100, jitterMs: (10 + 20 + 10) / 3, lossRatio: 0.2 });
  });

  it('has nothing to say when every ping was lost', () => {
    expect(networkStats({ samples: [null, null] })).toBeNull();
  });

  it('calls a connection poor past Twilio’s warning thresholds, fair past half of them, good below', () => {
    expect(verdictOf({ averageRttMs: 50, jitterMs: 5, lossRatio: 0 })).toBe('good');
    expect(verdictOf({ averageRttMs: 250, jitterMs: 5, lossRatio: 0 })).toBe('fair');
    expect(verdictOf({ averageRttMs: 50, jitterMs: 20, lossRatio: 0 })).toBe('fair');
    expect(verdictOf({ averageRttMs: 450, jitterMs: 5, lossRatio: 0 })).toBe('poor');
    expect(verdictOf({ averageRttMs: 50, jitterMs: 35, lossRatio: 0 })).toBe('poor');
    expect(verdictOf({ averageRttMs: 50, jitterMs: 5, lossRatio: 0.1 })).toBe('poor');
  });
});

describe('the warning shown during a call', () => {
  it('shows none while the SDK raised none', () => {
    expect(warningFor([])).toBeNull();
  });

  it('names the most serious of the raised warnings: a dropping connection before loss, loss before delay', () => {
    expect(warningFor(['high-rtt'])).toBe('quality.warnLatency');
    expect(warningFor(['low-mos', 'high-packet-loss'])).toBe('quality.warnLoss');
    expect(warningFor(['high-jitter', 'high-packet-loss', 'ice-connectivity-lost'])).toBe('quality.warnLost');
    expect(warningFor(['constant-audio-input-level'])).toBe('quality.warnMicSilent');
  });

  it('ignores warnings it has no rule for', () => {
    expect(warningFor(['some-future-warning'])).toBeNull();
  });
});

describe('the Voice SDK’s errors, as what the rep can do', () => {
  it('sends a refused microphone, a rejected token and a lost connection to their own advice', () => {
    expect(audioProblemOf({ code: 31401 })).toEqual({ key: 'audio.microphoneBlocked' });
    expect(audioProblemOf({ code: 20104 })).toEqual({ key: 'audio.tokenRejected' });
    expect(audioProblemOf({ code: 31009 })).toEqual({ key: 'audio.networkLost' });
  });

  it('quotes Twilio’s code and message for anything else', () => {
    expect(audioProblemOf({ code: 31486, message: 'Busy Here' })).toEqual({
      key: 'audio.twilioError',
      params: { code: 31486, message: 'Busy Here' },
    });
  });
});
