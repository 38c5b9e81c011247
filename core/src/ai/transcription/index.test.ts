import { describe, expect, it } from 'vitest';
import { transcriberFromEnv } from './index.ts';

describe('the configured transcriber', () => {
  it('is the offline engine when no endpoint is set', () => {
    expect(transcriberFromEnv({}).name).toBe('offline:pocketsphinx-en-us');
  });

  it('is the OpenAI-compatible endpoint when STT_BASE_URL is set, with its model', () => {
    expect(transcriberFromEnv({ STT_BASE_URL: 'http://127.0.0.1:9000/v1' }).name).toBe('openai:whisper-1');
    expect(transcriberFromEnv({ STT_BASE_URL: 'http://127.0.0.1:9000/v1', STT_MODEL: 'large-v3' }).name).toBe(
      'openai:large-v3',
    );
  });
});
