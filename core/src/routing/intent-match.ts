import type { Language } from '../domain/routing-policy/fields.ts';
import { editDistance } from './edit-distance.ts';
import { type Words, wordsOf } from './words.ts';

export interface IntentPhrases {
  name: string;
  phrases: { fr: string[]; en: string[] };
}

export interface IntentMatch {
  name: string;
  /** 1 when a phrase was heard word for word, lower as fewer of its words were heard. */
  score: number;
}

/**
 * Matches what a caller said to one of the intents. `deterministicMatcher` is the default; an
 * adapter for a language model can take its place where one is configured.
 */
export interface IntentMatcher {
  match(
    utterance: string,
    intents: readonly IntentPhrases[],
    language: Language,
  ): Promise<IntentMatch | null>;
}

/** At least half of a phrase's words must be heard: one word of "service commercial" is enough. */
export const MATCH_THRESHOLD = 0.4;

// Scattered words count for less than the phrase said as written.
const SCATTERED_WEIGHT = 0.8;
// Shorter words are too often a different word one letter away ("vente", "vendre" stay apart).
const FUZZY_MIN_LENGTH = 5;

/**
 * The intent whose phrases best match `utterance`, or null when none reaches MATCH_THRESHOLD or
 * two intents match equally well. Phrases of both languages count, since callers switch; on
 * equal scores a phrase in the call's `language` wins.
 */
export function matchIntent(
  utterance: string,
  intents: readonly IntentPhrases[],
  language: Language,
): IntentMatch | null {
  const heard = wordsOf(utterance);
  if (heard.all.length === 0) return null;
  const ranked = intents
    .map((intent) => ({ name: intent.name, ...bestPhrase(intent, heard, language) }))
    .sort((a, b) => b.score - a.score || Number(b.inLanguage) - Number(a.inLanguage));
  const [best, next] = ranked;
  if (!best || best.score < MATCH_THRESHOLD) return null;
  if (next && next.score === best.score && next.inLanguage === best.inLanguage) return null;
  return { name: best.name, score: best.score };
}

export const deterministicMatcher: IntentMatcher = {
  match: (utterance, intents, language) => Promise.resolve(matchIntent(utterance, intents, language)),
};

function bestPhrase(
  intent: IntentPhrases,
  heard: Words,
  language: Language,
): { score: number; inLanguage: boolean } {
  let best = { score: 0, inLanguage: false };
  for (const phraseLanguage of ['fr', 'en'] as const) {
    for (const phrase of intent.phrases[phraseLanguage]) {
      const score = phraseScore(wordsOf(phrase), heard);
      const inLanguage = phraseLanguage === language;
      if (score > best.score || (score === best.score && inLanguage && !best.inLanguage)) {
        best = { score, inLanguage };
      }
    }
  }
  return best;
}

function phraseScore(phrase: Words, heard: Words): number {
  // A phrase made only of filler words ("je voudrais parler") is matched on all its words.
  const [wanted, said] =
    phrase.content.length > 0 ? [phrase.content, heard.content] : [phrase.all, heard.all];
  if (wanted.length === 0) return 0;
  if (containsRun(said, wanted)) return 1;
  const found = wanted.filter((word) => said.some((other) => sameWord(word, other))).length;
  return SCATTERED_WEIGHT * (found / wanted.length);
}

function containsRun(said: string[], wanted: string[]): boolean {
  for (let start = 0; start + wanted.length <= said.length; start += 1) {
    if (wanted.every((word, offset) => sameWord(word, said[start + offset]!))) return true;
  }
  return false;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < FUZZY_MIN_LENGTH || Math.abs(a.length - b.length) > 1) return false;
  return editDistance(a, b) <= 1;
}
