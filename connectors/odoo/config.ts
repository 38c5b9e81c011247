import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * An Odoo connection: the instance, its database, and a user's API key. Odoo has no OAuth for
 * external apps, so an admin fills these in (setup kind 'form'); the key is used in place of the
 * password on every XML-RPC call (research/odoo.md §3.3).
 */
export const OdooConfigSchema = z.strictObject({
  /** The instance's base URL, e.g. https://acme.odoo.com; a path prefix (reverse proxy) is kept. */
  url: z
    .url()
    .refine((value) => /^https?:\/\//i.test(value), {
      message: 'Use the http(s) address of the Odoo instance',
    })
    .transform((value) => value.replace(/\/+$/, '')),
  database: z.string().trim().min(1),
  login: z.string().trim().min(1),
  apiKey: z.string().min(1),
  /** Numbers typed without a country code (most of them, in Odoo) are read in this country. */
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => isSupportedCountry(code), { message: 'Use a two-letter country code, like FR' }),
});
export type OdooConfig = z.infer<typeof OdooConfigSchema>;

/** The setup form, in the order the console shows it. */
export const ODOO_FORM_FIELDS = [
  { name: 'url', label: 'Odoo address (https://yourcompany.odoo.com)', secret: false },
  { name: 'database', label: 'Database name', secret: false },
  { name: 'login', label: 'Login of the Odoo user Parley acts as', secret: false },
  { name: 'apiKey', label: 'API key (Preferences → Account Security → New API Key)', secret: true },
  {
    name: 'defaultCountry',
    label: 'Country of numbers typed without a country code (FR, US…)',
    secret: false,
  },
] as const;
