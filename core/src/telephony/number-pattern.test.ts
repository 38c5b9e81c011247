import { describe, expect, it } from 'vitest';
import { matchesNumberPattern } from './number-pattern.ts';

describe('matchesNumberPattern', () => {
  it.each([
    ['+14155550123', '555', true],
    ['+14155550123', '777', false],
    ['+14155550123', '+1415', true],
    ['+14155550123', '+415', false],
    ['+14155550123', '0123$', true],
    ['+14155550123', '5550$', false],
    ['+14155550123', '55*01', true],
    ['+14155550123', '55*02', false],
    ['+14155550123', '+1%0123$', true],
    ['+14155550123', 'JKL', true],
    ['+14155550123', 'jkl0', true],
    ['+33199001234', '+331', true],
  ])('%s against %s is %s', (e164, pattern, expected) => {
    expect(matchesNumberPattern(e164, pattern)).toBe(expected);
  });

  it('rejects patterns outside the language instead of reading them as regular expressions', () => {
    expect(matchesNumberPattern('+14155550123', '.*')).toBe(false);
    expect(matchesNumberPattern('+14155550123', '5')).toBe(false);
  });
});
