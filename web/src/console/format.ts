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
