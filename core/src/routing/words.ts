/**
 * Words of a caller's speech or of an intent phrase, reduced so that accents, punctuation, case,
 * plurals and filler words do not decide a match.
 */

// Accent-stripped and lower-case, as `normalise` leaves them. Words that say how the caller asks
// ("je voudrais parler à", "I'd like to talk to") rather than what they ask for.
const STOP_WORDS = new Set(
  [
    // French
    'a afin ai aimerais alors allo au aux avec avoir ben bien bonjour bonsoir c ce cela cet cette ' +
      'contacter d dans de des du elle en est et etre euh hum il j je joindre l la le les m ma me merci ' +
      'mes mettre moi mon n ne nous on ou par parler passer plait pour pourriez pouvez qu quelqu quelque ' +
      'que qui relation s souhaite souhaiterais souhaitais suis sur svp t un une veux voudrais voulais ' +
      'vous votre vos y',
    // English
    'a about am an and anyone are be can connect could d do er for get have hello hey hi i im id in is ' +
      'it its just like ll m me my need of ok okay or please put re s somebody someone speak so t talk ' +
      'thank thanks that the this through to uh um ve wanna want with would yes you your',
  ].flatMap((words) => words.split(' ')),
);

/** Lower case, no accents, punctuation and apostrophes turned into spaces, single-spaced. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Words {
  /** Every word, stemmed. */
  all: string[];
  /** The words left once filler words are dropped, stemmed. */
  content: string[];
}

export function wordsOf(text: string): Words {
  const words = normalise(text).split(' ').filter(Boolean);
  return {
    all: words.map(stem),
    content: words.filter((word) => !STOP_WORDS.has(word)).map(stem),
  };
}

/** Drops a plural s, in French as in English, so "ventes" meets "vente" and "sales" "sale". */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}
