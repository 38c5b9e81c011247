import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type E164 = string & { readonly __brand: 'E164' };

/**
 * Normalises what a person typed ("06 12 34 56 78", "+33 6 12…", "0033612…") to E.164, reading
 * national formats in `defaultCountry`. Returns null when the result is not a valid number, so
 * callers can say which field is wrong instead of storing something undialable.
 */
export function toE164(input: string, defaultCountry?: string): E164 | null {
  const trimmed = input.trim().replace(/^00/, '+');
  if (!/\d/.test(trimmed)) return null;
  const country = defaultCountry && isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (!parsed?.isValid()) return null;
  return parsed.number as E164;
}

export function isCountryCode(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

export function isE164(value: string): value is E164 {
  return /^\+[1-9]\d{6,14}$/.test(value) && toE164(value) === value;
}

/** Display form for humans ("+33 6 12 34 56 78"); never stored. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** The ISO country a number belongs to ("FR" for +33…), or null for non-geographic ones. */
export function countryOf(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}
