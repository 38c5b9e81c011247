import { createOpenAiTranscriber } from './openai.ts';
import { createPocketsphinxTranscriber } from './pocketsphinx.ts';
import type { Transcriber } from './port.ts';

export type {
  Audio,
  Speaker,
  TranscribeOptions,
  Transcriber,
  Transcript,
  TranscriptSegment,
} from './port.ts';
export { withVoicemailTranscript } from './twilio-voicemail.ts';

/**
 * The configured transcriber: an OpenAI-compatible endpoint (hosted Whisper, or a self-hosted
 * Whisper server) when `STT_BASE_URL` is set, else the offline engine that comes with Debian.
 */
export function transcriberFromEnv(env: {
  STT_BASE_URL?: string | undefined;
  STT_API_KEY?: string | undefined;
  STT_MODEL?: string | undefined;
}): Transcriber {
  if (!env.STT_BASE_URL) return createPocketsphinxTranscriber();
  return createOpenAiTranscriber({
    baseUrl: env.STT_BASE_URL,
    apiKey: env.STT_API_KEY,
    model: env.STT_MODEL,
  });
}
