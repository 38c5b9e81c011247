import { z } from 'zod';
import { isCountryCode } from '../phone/e164.ts';

export const IdParams = z.object({ id: z.uuid('Not a valid id') });

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Not a valid email address').max(254));

export const PasswordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(120, 'Use at most 120 characters');

export const CountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'Use a two-letter ISO country code, e.g. FR, BE, GB, US');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, 'Unknown time zone: use an IANA name such as Europe/Paris');

export const LocaleSchema = z.enum(['fr', 'en'], 'Choose fr or en');

export const RoleSchema = z.enum(['admin', 'member'], 'Choose admin or member');

export const LimitQuery = z.coerce.number().int().min(1).max(200).default(50);
