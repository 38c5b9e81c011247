import { AsYouType, type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js';

const COUNTRIES = new Set<string>(getCountries());

/** The account's default country when libphonenumber knows it, France otherwise (Parley's first market). */
export function countryOf(code: string | undefined): CountryCode {
  const upper = (code ?? '').toUpperCase();
  return COUNTRIES.has(upper) ? (upper as CountryCode) : 'FR';
}

/** Keeps what a person may type in a phone number: digits, a leading +, and * # for services. */
export function dialable(text: string): string {
  const kept = text.replace(/[^\d+*#]/g, '');
  return kept.startsWith('+') ? `+${kept.slice(1).replace(/\+/g, '')}` : kept.replace(/\+/g, '');
}

/** The number as the rep types it, grouped the way their country writes it. */
export function formatAsYouType(raw: string, country: CountryCode): string {
  const digits = dialable(raw);
  if (!digits) return '';
  return new AsYouType(country).input(digits);
}

/** E.164 when the number is complete and valid for the country, null otherwise. */
export function toE164(raw: string, country: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(dialable(raw), country);
  return parsed?.isValid() ? parsed.number : null;
}

/** How a stored E.164 number reads to the rep: national form at home, international abroad. */
export function displayNumber(e164: string, country: CountryCode): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
