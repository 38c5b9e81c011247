import { conversation, type Turn } from '../src/ai/testing/speech.ts';
import { wordErrorRate } from '../src/ai/testing/word-error-rate.ts';
import { createPocketsphinxTranscriber } from '../src/ai/transcription/pocketsphinx.ts';

export const TRANSCRIPTION_PLAN = { runs: 2 } as const;

const TURNS: Turn[] = [
  { speaker: 'customer', text: 'Hello, I am calling about the invoice you sent me last week.' },
  { speaker: 'rep', text: 'Of course. Could you give me the invoice number, please?' },
  { speaker: 'customer', text: 'It is four two seven nine. The amount looks too high.' },
  { speaker: 'rep', text: 'I see it. You were charged twice for the same licence, I will refund one today.' },
  { speaker: 'customer', text: 'Thank you. Can you send me a confirmation by email?' },
  { speaker: 'rep', text: 'Yes, you will have it within the hour. Is there anything else?' },
];

export interface TranscriptionRun {
  processingSeconds: number;
  wordErrorRate: number;
}

export interface TranscriptionBenchResult {
  plan: typeof TRANSCRIPTION_PLAN;
  engine: string;
  /** Length of the recording; both channels are transcribed, so twice this is heard. */
  audioSeconds: number;
  runs: TranscriptionRun[];
}

/** The offline engine on a dual-channel espeak-ng call, timed end to end as the pipeline calls it. */
export async function transcriptionBench(
  progress: (line: string) => void,
): Promise<TranscriptionBenchResult> {
  const transcriber = createPocketsphinxTranscriber();
  const call = await conversation(TURNS, 'en');
  const audioSeconds = call.turns.reduce((end, turn) => Math.max(end, turn.end), 0) + 0.8;
  const said = TURNS.map((turn) => turn.text).join(' ');
  const runs: TranscriptionRun[] = [];
  for (let run = 1; run <= TRANSCRIPTION_PLAN.runs; run++) {
    progress(
      `transcription: run ${run} of ${TRANSCRIPTION_PLAN.runs}, ${audioSeconds.toFixed(0)} s of dual-channel audio`,
    );
    const started = performance.now();
    const transcript = await transcriber.transcribe(call.audio, { language: 'en' });
    const processingSeconds = (performance.now() - started) / 1000;
    runs.push({
      processingSeconds,
      wordErrorRate: wordErrorRate(said, transcript.segments.map((s) => s.text).join(' ')),
    });
  }
  return { plan: TRANSCRIPTION_PLAN, engine: transcriber.name, audioSeconds, runs };
}

export function transcriptionReport(result: TranscriptionBenchResult): string[] {
  const fastest = Math.min(...result.runs.map((run) => run.processingSeconds));
  return [
    `transcription: the offline engine (${result.engine}) on a ${result.audioSeconds.toFixed(1)} s dual-channel call spoken by espeak-ng`,
    '  real-time factor = audio seconds / processing seconds (above 1: faster than the call lasted); each channel',
    '  is transcribed by its own process, so both cores work; word error rate against the spoken script',
    ...result.runs.map(
      (run, i) =>
        `  run ${i + 1}: ${run.processingSeconds.toFixed(1)} s, real-time factor ${(result.audioSeconds / run.processingSeconds).toFixed(2)}, word error rate ${(run.wordErrorRate * 100).toFixed(0)}%`,
    ),
    `  best real-time factor: ${(result.audioSeconds / fastest).toFixed(2)}`,
  ];
}
