import { createChatClient } from '../llm/chat-client.ts';
import { extractiveSummariser } from './extractive.ts';
import { createLlmSummariser } from './llm-summariser.ts';
import type { Summariser } from './port.ts';

export type { CallSummary, Summariser } from './port.ts';

/** The configured summariser: a chat model when `LLM_BASE_URL` is set, else the offline extract. */
export function summariserFromEnv(env: {
  LLM_BASE_URL?: string | undefined;
  LLM_API_KEY?: string | undefined;
  LLM_MODEL: string;
}): Summariser {
  if (!env.LLM_BASE_URL) return extractiveSummariser;
  return createLlmSummariser(
    createChatClient({ baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL }),
  );
}
