import type { PreflightTest } from '@twilio/voice-sdk';
import { api } from '../api/client.ts';
import { micLevel, type NetworkStats, networkStats, type Verdict, verdictOf } from './call-quality.ts';

const PINGS = 10;
const PING_TIMEOUT_MS = 2_000;

/**
 * Listens to the microphone for `ms` (getUserMedia + an AnalyserNode), reporting each window's
 * level as it goes; resolves with the loudest, then releases the microphone.
 */
export async function listenToMicrophone(ms: number, onLevel: (level: number) => void): Promise<number> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const context = new AudioContext();
  try {
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudest = 0;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      analyser.getFloatTimeDomainData(samples);
      const level = micLevel(samples);
      loudest = Math.max(loudest, level);
      onLevel(level);
    }
    return loudest;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    void context.close();
  }
}

export type NetworkResult =
  | { kind: 'core'; stats: NetworkStats; verdict: Verdict }
  | { kind: 'twilio'; quality: string; stats: NetworkStats | null };

/** Round trips to the server one after the other; a ping that fails or takes over 2 s counts as lost. */
async function pingCore(): Promise<NetworkResult> {
  const samples: (number | null)[] = [];
  for (let i = 0; i < PINGS; i++) {
    const start = performance.now();
    const answered = await Promise.race([
      api('GET', '/api/voice/ping').then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS)),
    ]);
    samples.push(answered ? performance.now() - start : null);
  }
  const stats = networkStats({ samples });
  if (!stats) throw new Error('Parley did not answer any of the test requests.');
  return { kind: 'core', stats, verdict: verdictOf(stats) };
}

/** Twilio's PreflightTest: a short test call to Twilio, reporting its quality, round trip and jitter. */
async function preflight(token: string): Promise<NetworkResult> {
  const { Device } = await import('@twilio/voice-sdk');
  const test = Device.runPreflight(token);
  return new Promise((resolve, reject) => {
    test.on('completed', (report: PreflightTest.Report) =>
      resolve({
        kind: 'twilio',
        quality: report.callQuality ?? 'unknown',
        stats: report.stats
          ? { averageRttMs: report.stats.rtt.average, jitterMs: report.stats.jitter.average, lossRatio: 0 }
          : null,
      }),
    );
    test.on('failed', (error: { message?: string }) =>
      reject(new Error(error.message ?? 'preflight failed')),
    );
  });
}

/** The network test: Twilio's preflight when Twilio is configured, else round trips to Parley. */
export function testNetwork(twilioToken: string | null): Promise<NetworkResult> {
  return twilioToken ? preflight(twilioToken) : pingCore();
}
