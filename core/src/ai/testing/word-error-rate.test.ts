import { describe, expect, it } from 'vitest';
import { wordErrorRate } from './word-error-rate.ts';

describe('word error rate', () => {
  it('is zero for the same words whatever the case, punctuation and accents', () => {
    expect(wordErrorRate('Bonjour, je voudrais un devis.', 'bonjour je voudrais un devis')).toBe(0);
    expect(wordErrorRate("L'équipe arrive.", 'l equipe arrive')).toBe(0);
  });

  it('counts substitutions, deletions and insertions over the reference words', () => {
    expect(wordErrorRate('send the invoice today', 'send an invoice today')).toBe(0.25);
    expect(wordErrorRate('send the invoice today', 'send invoice today')).toBe(0.25);
    expect(wordErrorRate('send the invoice today', 'please send the invoice today now')).toBe(0.5);
  });

  it('is one for nothing heard', () => {
    expect(wordErrorRate('send the invoice', '')).toBe(1);
  });
});
