import type { Utterance } from './by-channel.ts';

/** Markers Pocketsphinx puts in its word timings that are not words. */
const NOT_WORDS = new Set(['<s>', '</s>', '<sil>']);
/** A pause this long inside one of Pocketsphinx's utterances starts a new segment. */
const PAUSE_SECONDS = 1;

/**
 * Reads `pocketsphinx_continuous -time yes` output: per utterance a line of text, then one line per
 * word (`word start end confidence`, `<s>`/`</s>` around it, `(2)` marking an alternate
 * pronunciation, `[NOISE]` and `++...++` for fillers). Returns the words grouped into utterances.
 */
export function parsePocketsphinxTimings(output: string): Utterance[] {
  const utterances: Utterance[] = [];
  let words: { text: string; start: number; end: number }[] = [];
  const close = () => {
    const first = words[0];
    const last = words.at(-1);
    if (first && last)
      utterances.push({ start: first.start, end: last.end, text: words.map((word) => word.text).join(' ') });
    words = [];
  };
  for (const line of output.split('\n')) {
    const timing = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!timing) continue;
    const [, token = '', start, end] = timing;
    if (token === '</s>' || token === '<s>') close();
    if (NOT_WORDS.has(token) || /^(\[.*\]|\+\+.*\+\+)$/.test(token)) continue;
    const word = { text: token.replace(/\(\d+\)$/, ''), start: Number(start), end: Number(end) };
    const previous = words.at(-1);
    if (previous && word.start - previous.end >= PAUSE_SECONDS) close();
    words.push(word);
  }
  close();
  return utterances;
}
