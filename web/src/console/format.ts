import type { Locale } from '../i18n/i18n.tsx';

const tag = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

export function money(locale: Locale, cents: number, currency: string): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency }).format(cents / 100);
}

export function when(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** The country names the browser knows, in the console's language (no list to maintain). */
export function countryName(locale: Locale, code: string): string {
  return new Intl.DisplayNames([tag(locale)], { type: 'region' }).of(code) ?? code;
}

/** Countries offered in the sign-up and number search; the API accepts any ISO code. */
export const COUNTRIES = ['FR', 'BE', 'CH', 'LU', 'CA', 'GB', 'US', 'DE', 'ES', 'IT', 'NL'] as const;

export const CRM_NAMES: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  attio: 'Attio',
  odoo: 'Odoo',
  google: 'Google Contacts',
};

/** A count in the reader's locale (thousands separators differ: 1,234 / 1 234). */
export function count(locale: Locale, value: number): string {
  return new Intl.NumberFormat(tag(locale)).format(value);
}

/** A rate from 0 to 1 as a whole percentage ("67%", "67 %"); a dash when there was nothing to count. */
export function percent(locale: Locale, rate: number | null): string {
  return rate === null
    ? '–'
    : new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** Seconds as "1 min 30 s" in the reader's locale, by Intl's unit names (no word lists to keep). */
export function duration(locale: Locale, seconds: number | null): string {
  if (seconds === null) return '–';
  const whole = Math.round(seconds);
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(tag(locale), { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const parts = [
    hours ? unit(hours, 'hour') : '',
    minutes ? unit(minutes, 'minute') : '',
    whole % 60 || whole === 0 ? unit(whole % 60, 'second') : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** A moment of a recording as m:ss, the way players show it. */
export function moment(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A date and time in the account's time zone (not the browser's): what the team's day is about. */
export function whenIn(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** A local day (YYYY-MM-DD) as a short date; noon UTC keeps it the same day whatever the offset. */
export function shortDay(locale: Locale, isoDay: string): string {
  return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T12:00:00Z`),
  );
}

/** An hour of the day (0–23) as the locale writes it ("14:00", "14 h"). */
export function hourOfDay(locale: Locale, hour: number): string {
  return new Intl.DateTimeFormat(tag(locale), { hour: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, hour)),
  );
}
