import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['commercial', 'commercial', 0],
    ['comercial', 'commercial', 1],
    ['commercail', 'commercial', 1],
    ['suport', 'support', 1],
    ['factura', 'facture', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('counts %j to %j as %i edits', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('is zero only for equal words, and never more than the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance === 0).toBe(a === b);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });

  it('counts one swap of neighbours as one edit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 2, maxLength: 12 }),
        fc.nat(),
        (word, at) => {
          const i = at % (word.length - 1);
          fc.pre(word[i] !== word[i + 1]);
          const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
          expect(editDistance(word, swapped)).toBe(1);
        },
      ),
    );
  });
});
