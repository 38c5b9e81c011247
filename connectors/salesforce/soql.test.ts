import { describe, expect, it } from 'vitest';
import { soqlLikeContaining, soqlString, soslAny, soslTerm } from './soql.ts';

describe('soslTerm', () => {
  it.each([
    ['+33612345678', '\\+33612345678'],
    ['06-12-34', '06\\-12\\-34'],
    ['{evil} OR *', '\\{evil\\} OR \\*'],
    ['O\'Brien "quoted"', 'O\\\'Brien \\"quoted\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['100% & more?', '100% \\& more\\?'],
    ['a:b|c!(d)[e]^~', 'a\\:b\\|c\\!\\(d\\)\\[e\\]\\^\\~'],
  ])('escapes %j as %j', (raw, escaped) => {
    expect(soslTerm(raw)).toBe(escaped);
  });

  it('joins distinct escaped terms with OR inside one pair of braces', () => {
    expect(soslAny(['+336', '0612', '+336'])).toBe('{\\+336 OR 0612}');
  });
});

describe('soqlString', () => {
  it.each([
    ["O'Brien", "'O\\'Brien'"],
    ['say "hi"', '\'say \\"hi\\"\''],
    ['back\\slash', "'back\\\\slash'"],
    ['line\nbreak', "'line\\nbreak'"],
    ['100%', "'100%'"],
  ])('quotes %j as %j', (raw, quoted) => {
    expect(soqlString(raw)).toBe(quoted);
  });
});

describe('soqlLikeContaining', () => {
  it.each([
    ['[note_1]', "'%[note\\_1]%'"],
    ["50% off 'now'", "'%50\\% off \\'now\\'%'"],
  ])('matches %j literally as %j', (raw, pattern) => {
    expect(soqlLikeContaining(raw)).toBe(pattern);
  });
});
