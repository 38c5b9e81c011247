import type { AudioProblem } from './call-audio.ts';
import type { DialerTextKey } from './texts.ts';

/** Below this the microphone is taken as silent: -60 dBFS is room noise on a muted or dead input. */
const FLOOR_DB = -60;

/**
 * The microphone's level from one window of samples (-1…1, as AnalyserNode's
 * getFloatTimeDomainData gives them): the RMS in dBFS, mapped linearly from -60 dB (0) to 0 dB (1),
 * which is how level meters read in decibels rather than in raw amplitude.
 */
export function micLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += (samples[i] ?? 0) ** 2;
  const rms = Math.sqrt(sum / samples.length);
  if (rms === 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/** A level the rep's voice reaches: below it the check says nobody was heard. */
export const HEARD_LEVEL = 0.25;

export interface RoundTrips {
  /** Milliseconds of each answered ping; null for one that failed or timed out. */
  samples: (number | null)[];
}

export interface NetworkStats {
  averageRttMs: number;
  /** Mean difference between consecutive round trips (RFC 3550's jitter, without its smoothing). */
  jitterMs: number;
  lossRatio: number;
}

export function networkStats({ samples }: RoundTrips): NetworkStats | null {
  const answered = samples.filter((s): s is number => s !== null);
  if (answered.length === 0) return null;
  const averageRttMs = answered.reduce((a, b) => a + b, 0) / answered.length;
  let deltas = 0;
  for (let i = 1; i < answered.length; i++) deltas += Math.abs((answered[i] ?? 0) - (answered[i - 1] ?? 0));
  return {
    averageRttMs,
    jitterMs: answered.length > 1 ? deltas / (answered.length - 1) : 0,
    lossRatio: (samples.length - answered.length) / samples.length,
  };
}

export type Verdict = 'good' | 'fair' | 'poor';

/**
 * Twilio's own thresholds for its call warnings (high-rtt over 400 ms, high-jitter over 30 ms,
 * high-packet-loss over 1 %) make a connection poor; half of them, fair.
 */
export function verdictOf(stats: NetworkStats): Verdict {
  if (stats.averageRttMs > 400 || stats.jitterMs > 30 || stats.lossRatio > 0.01) return 'poor';
  if (stats.averageRttMs > 200 || stats.jitterMs > 15 || stats.lossRatio > 0.005) return 'fair';
  return 'good';
}

/** The Voice SDK's call-quality warning names, grouped by what the rep can do about them. */
const WARNING_RULES: ReadonlyArray<{ key: DialerTextKey; names: readonly string[] }> = [
  { key: 'quality.warnLost', names: ['ice-connectivity-lost', 'low-bytes-received', 'low-bytes-sent'] },
  { key: 'quality.warnLoss', names: ['high-packet-loss', 'high-packets-lost-fraction'] },
  { key: 'quality.warnLatency', names: ['high-rtt', 'high-jitter', 'low-mos'] },
  { key: 'quality.warnMicSilent', names: ['constant-audio-input-level'] },
];

/** The one warning to show during a call: the most serious of those raised, or null when none is. */
export function warningFor(raised: readonly string[]): DialerTextKey | null {
  return WARNING_RULES.find((rule) => rule.names.some((name) => raised.includes(name)))?.key ?? null;
}

/** The Voice SDK's error codes, as the action the rep can take. */
export function audioProblemOf(error: { code?: number; message?: string }): AudioProblem {
  const code = error.code ?? 0;
  if (code === 31401 || code === 31402) return { key: 'audio.microphoneBlocked' };
  if ([20101, 20104, 31204, 31205].includes(code)) return { key: 'audio.tokenRejected' };
  if ([31005, 31009, 53000, 53001, 53405].includes(code)) return { key: 'audio.networkLost' };
  return { key: 'audio.twilioError', params: { code, message: error.message ?? '' } };
}
