import { describe, expect, it } from 'vitest';
import { formatInternational, isE164, toE164 } from './e164.ts';

describe('toE164', () => {
  it.each([
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', undefined, '+33612345678'],
    ['0033612345678', 'GB', '+33612345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['020 7946 0018', 'GB', '+442079460018'],
  ])('reads %s in %s as %s', (input, country, expected) => {
    expect(toE164(input, country)).toBe(expected);
  });

  it.each([['12'], ['hello'], [''], ['+33 6 12']])('refuses %j', (input) => {
    expect(toE164(input, 'FR')).toBeNull();
  });

  it('ignores an unknown default country instead of throwing', () => {
    expect(toE164('+33612345678', 'ZZ')).toBe('+33612345678');
  });
});

describe('isE164', () => {
  it('accepts only canonical E.164', () => {
    expect(isE164('+33612345678')).toBe(true);
    expect(isE164('0612345678')).toBe(false);
    expect(isE164('+33 6 12 34 56 78')).toBe(false);
  });
});

it('formats for display', () => {
  expect(formatInternational('+33612345678')).toBe('+33 6 12 34 56 78');
});
