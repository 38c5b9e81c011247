import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { E164 } from './connector.ts';

/**
 * Reads a number as a CRM stores it — as someone typed it: "06 12 34 56 78", "+33 (0)6 12…",
 * "0033 6…", "tel:+33-6-…", "(415) 555-2671 ext. 12" — into E.164, national forms read in
 * `defaultCountry`. An extension is dropped: caller ID never carries one, so the line is what matches.
 * Accepts numbers that are possible but not known valid, because CRMs hold numbers from ranges newer
 * than our metadata and test numbers, and a miss here means a call logged on nobody.
 */
export function normaliseForCompare(raw: string, defaultCountry?: string): E164 | null {
  const trimmed = raw
    .trim()
    .replace(/^tel:/i, '')
    .replace(/^00(?=[1-9])/, '+');
  if (!/\d/.test(trimmed)) return null;
  const country = defaultCountry?.toUpperCase();
  const parsed = parsePhoneNumberFromString(
    trimmed,
    country && isSupportedCountry(country) ? country : undefined,
  );
  if (!parsed?.isPossible()) return null;
  return toE164(parsed.number);
}

/** Whether two stored numbers reach the same line; a number that cannot be read matches nothing. */
export function phonesMatch(a: string, b: string, defaultCountry?: string): boolean {
  const left = normaliseForCompare(a, defaultCountry);
  return left !== null && left === normaliseForCompare(b, defaultCountry);
}

function toE164(value: string): E164 | null {
  return /^\+[1-9]\d{6,14}$/.test(value) ? (value as E164) : null;
}
