import type { Transcript } from '../transcription/port.ts';

/** What a summariser makes of a transcript; `kind` is what the console labels it with. */
export interface CallSummary {
  /** ai: written by a language model; extract: sentences picked from the transcript as they were said. */
  kind: 'ai' | 'extract';
  /** Shown with the summary (`openai:gpt-4o-mini`, `extract`). */
  engine: string;
  language: string | null;
  summary: string;
  nextSteps: string[];
  /** A disposition the model suggests for the rep to confirm; extracts suggest none. */
  suggestedDisposition: string | null;
}

export interface SummariseOptions {
  signal?: AbortSignal | undefined;
}

export interface Summariser {
  readonly name: string;
  summarise(transcript: Transcript, options?: SummariseOptions): Promise<CallSummary>;
}

/** The transcript as lines a person (or a model) reads: who spoke, then what they said. */
export function transcriptLines(transcript: Transcript): string[] {
  return transcript.segments
    .filter((segment) => segment.text.trim() !== '')
    .map((segment) => `${segment.speaker}: ${segment.text.trim()}`);
}
