import type { Speaker, TranscriptSegment } from './port.ts';
import type { Pcm } from './wav.ts';

/** Twilio's dual-channel recordings put the caller on channel 1 and the rep on channel 2. */
const SPEAKER_OF_CHANNEL: readonly Speaker[] = ['customer', 'rep'];

export type Utterance = Omit<TranscriptSegment, 'speaker'>;

export interface ChannelResult {
  language: string | null;
  utterances: Utterance[];
}

/**
 * Transcribes each channel on its own so every segment says who spoke, then lays the segments of
 * both sides on one timeline. A mono recording has one unknown speaker.
 */
export async function transcribeByChannel(
  pcm: Pcm,
  transcribeOne: (mono: Pcm) => Promise<ChannelResult>,
): Promise<{ language: string | null; segments: TranscriptSegment[] }> {
  const two = pcm.channels.length === 2;
  const results = await Promise.all(
    pcm.channels.map((samples) => transcribeOne({ sampleRate: pcm.sampleRate, channels: [samples] })),
  );
  const segments = results.flatMap((result, channel) =>
    result.utterances.map((utterance) => ({
      speaker: two ? (SPEAKER_OF_CHANNEL[channel] ?? 'unknown') : ('unknown' as const),
      ...utterance,
    })),
  );
  segments.sort((a, b) => a.start - b.start);
  return { language: results.find((result) => result.language)?.language ?? null, segments };
}
