import { describe, expect, it } from 'vitest';
import { idSuffix, makeId } from './ids.ts';

describe('Salesforce ids', () => {
  it.each([
    // Pairs from django-salesforce's test suite (salesforce/tests/test_unit.py, Id15To18Test).
    ['00A000000000000', 'EAA'],
    ['00000000000000A', 'AAQ'],
    ['0000A0000A0000A', 'QQQ'],
    ['000A0000A0000A0', 'III'],
  ])('suffixes %s with %s', (id15, suffix) => {
    expect(idSuffix(id15)).toBe(suffix);
  });

  it('makes 18-character ids with the key prefix, sorting in creation order', () => {
    const ids = [1, 61, 62, 4000].map((n) => makeId('00T', n));
    expect(ids.every((id) => id.length === 18 && id.startsWith('00T'))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});
