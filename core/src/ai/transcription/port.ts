/**
 * Speech to text, whatever the engine: an OpenAI-compatible endpoint, Twilio's voicemail
 * transcription, or the offline engine that is the default when nothing is configured.
 */

/** Audio as fetched from the carrier or the store: WAV/MP3 bytes, one or two channels. */
export interface Audio {
  bytes: Uint8Array;
  /** e.g. `audio/wav`, `audio/mpeg`. */
  contentType: string;
  /** 2 for Twilio dual-channel recordings: channel 1 is the caller, channel 2 the rep. */
  channels: 1 | 2;
}

export type Speaker = 'customer' | 'rep' | 'unknown';

export interface TranscriptSegment {
  speaker: Speaker;
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  text: string;
}

export interface Transcript {
  /** BCP-47 primary tag as detected or asked (`fr`, `en`), null when unknown. */
  language: string | null;
  segments: TranscriptSegment[];
  /** Which engine produced it, shown with the transcript (`offline:whisper-base`, `openai:whisper-1`, `twilio`). */
  engine: string;
}

export interface TranscribeOptions {
  /** The language expected (the account's or the number's); engines may detect otherwise. */
  language?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface Transcriber {
  readonly name: string;
  transcribe(audio: Audio, options?: TranscribeOptions): Promise<Transcript>;
}
