import { describe, expect, it } from 'vitest';
import { normalise, wordsOf } from './words.ts';

describe('normalise', () => {
  it.each([
    ['Éléonore À L’ÉCOUTE', 'eleonore a l ecoute'],
    ["  I'd like -- sales, please!  ", 'i d like sales please'],
    ['Ça coûte 30 €', 'ca coute 30'],
  ])('reduces %j to %j', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

describe('wordsOf', () => {
  it.each([
    ['je voudrais parler au service commercial', ['service', 'commercial']],
    ["I'd like to talk to sales please", ['sale']],
    ["Bonjour, j'aimerais un devis s'il vous plaît", ['devi']],
    ['les ventes', ['vente']],
  ])('keeps the words of %j that say what the caller wants', (text, content) => {
    expect(wordsOf(text).content).toEqual(content);
  });

  it('keeps every word too, for phrases made only of filler words', () => {
    expect(wordsOf('Je voudrais parler').all).toEqual(['je', 'voudrai', 'parler']);
  });
});
