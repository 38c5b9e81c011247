import { describe, expect, it } from 'vitest';
import { normaliseForCompare, phonesMatch } from './phone.ts';

describe('normaliseForCompare', () => {
  it.each([
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['06.12.34.56.78', 'FR', '+33612345678'],
    ['612345678', 'FR', '+33612345678'],
    ['+33 (0)6 12 34 56 78', undefined, '+33612345678'],
    ['+33 (0) 6 12 34 56 78', 'US', '+33612345678'],
    ['0033 6 12 34 56 78', undefined, '+33612345678'],
    ['0033612345678', 'FR', '+33612345678'],
    ['tel:+33-6-12-34-56-78', undefined, '+33612345678'],
    ['  +33612345678  ', undefined, '+33612345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['(415) 555-2671', 'us', '+14155552671'],
    ['+1 415-555-2671 ext. 12', undefined, '+14155552671'],
    ['+44 (0)20 7946 0958', 'FR', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
  ])('reads %j (default country %s) as %s', (raw, country, expected) => {
    expect(normaliseForCompare(raw, country)).toBe(expected);
  });

  it.each([
    ['06 12 34 56 78', undefined, 'a national number with no country to read it in'],
    ['06 12 34 56 78', 'XX', 'a national number with an unknown country'],
    ['', 'FR', 'an empty field'],
    ['n/a', 'FR', 'a field with no digits'],
    ['+33 12', undefined, 'a number too short to dial'],
  ])('gives null for %j (%s): %s', (raw, country, _why) => {
    expect(normaliseForCompare(raw, country)).toBeNull();
  });
});

describe('phonesMatch', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678', 'FR'],
    ['+33 (0)6 12 34 56 78', '0033 6 12 34 56 78', undefined],
    ['0612345678', '+33 6 12 34 56 78', 'FR'],
    ['(415) 555-2671', '+1 415 555 2671 x 99', 'US'],
  ])('%j and %j are the same line (default %s)', (a, b, country) => {
    expect(phonesMatch(a, b, country)).toBe(true);
    expect(phonesMatch(b, a, country)).toBe(true);
  });

  it.each([
    ['06 12 34 56 78', '06 12 34 56 79', 'FR'],
    ['06 12 34 56 78', '+44 6 12 34 56 78', 'FR'],
    ['06 12 34 56 78', '06 12 34 56 78', undefined],
    ['n/a', 'n/a', 'FR'],
  ])('%j and %j are not the same line (default %s)', (a, b, country) => {
    expect(phonesMatch(a, b, country)).toBe(false);
  });
});
