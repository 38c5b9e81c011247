import type { Transcript } from '../transcription/port.ts';
import type { CallSummary, Summariser } from './port.ts';

/**
 * The offline summary: the transcript's most central sentences, as they were said. Pure and
 * deterministic. It writes nothing new and suggests no disposition, which is why the console
 * calls it an extract, not an AI summary.
 */

// Words that say nothing about what a call was about, in the two languages Parley speaks.
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can could did do does for from had has have he her hi hello his how i if in is it its ' +
    'just me my no not of ok okay on or our so that the their them then there they this to um uh was we were what when ' +
    'where which who will with would yeah yes you your thanks thank bye well right sure oh ' +
    'à au aux avec ce ces cette dans de des du elle en est et être il ils je la le les leur lui ma mais me mes moi mon ' +
    'ne nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y oui non bonjour ' +
    'merci alors ben bon euh ah très bien ça c est d l j n s qu'
  ).split(' '),
);

/** Wording that announces something someone will do after the call. */
const ACTION_CUES = [
  /\b(i|we)('ll| will| shall| are going to| am going to|'m going to)\b/i,
  /\b(send|call (you )?back|follow up|schedule|book|email|confirm|remind)\b/i,
  /\b(next (step|week|time)|tomorrow|by (monday|tuesday|wednesday|thursday|friday))\b/i,
  /\b(je vais|nous allons|on va|je vous (envoie|rappelle|envoierai|enverrai)|je (rappellerai|enverrai))\b/i,
  /\b(envoyer|rappeler|relancer|planifier|confirmer|prochaine étape|demain|la semaine prochaine)\b/i,
];

const MAX_SENTENCES = 3;
const MAX_NEXT_STEPS = 3;

interface Sentence {
  index: number;
  text: string;
  words: string[];
}

export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => word.length > 1 && !STOPWORDS.has(word),
  );
}

/** Sentences in the order spoken, each segment split at its sentence ends. */
export function sentencesOf(transcript: Transcript): string[] {
  return transcript.segments.flatMap((segment) =>
    (segment.text.match(/[^.!?…]+[.!?…]*/g) ?? [])
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence !== ''),
  );
}

/**
 * Ranks sentences by how much of the call's vocabulary they carry: each content word is worth its
 * frequency over the whole call, and a sentence scores the mean worth of its words, so the
 * sentences on the call's main subject rank above greetings and one-off remarks.
 */
export function rankSentences(texts: readonly string[]): { text: string; score: number; index: number }[] {
  const sentences: Sentence[] = texts.map((text, index) => ({ index, text, words: words(text) }));
  const frequency = new Map<string, number>();
  for (const sentence of sentences)
    for (const word of new Set(sentence.words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return sentences
    .filter((sentence) => sentence.words.length > 0)
    .map((sentence) => ({
      index: sentence.index,
      text: sentence.text,
      score:
        sentence.words.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) /
        // Square root: long sentences are not penalised to nothing, nor favoured for their length.
        Math.sqrt(sentence.words.length),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

export function extractSummary(transcript: Transcript): CallSummary {
  const texts = sentencesOf(transcript);
  const ranked = rankSentences(texts);
  const picked = ranked.slice(0, MAX_SENTENCES).sort((a, b) => a.index - b.index);
  const nextSteps = texts
    .filter((text) => ACTION_CUES.some((cue) => cue.test(text)))
    .slice(0, MAX_NEXT_STEPS);
  return {
    kind: 'extract',
    engine: 'extract',
    language: transcript.language,
    summary: picked.map((sentence) => sentence.text).join(' '),
    nextSteps,
    suggestedDisposition: null,
  };
}

export const extractiveSummariser: Summariser = {
  name: 'extract',
  async summarise(transcript) {
    return extractSummary(transcript);
  },
};
