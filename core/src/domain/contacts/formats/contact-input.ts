import { z } from 'zod';
import { type E164, isE164 } from '../../../phone/e164.ts';

export const MAX_CONTACT_EMAILS = 10;
export const MAX_CONTACT_PHONES = 10;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * A shared contact as the API and the import files give it. Emails and phones are stored
 * canonical (lowercase, E.164) and without duplicates, so two spellings of one number never
 * become two numbers; the caps apply after duplicates are gone.
 */
export const ContactInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'A contact needs a name')
    .max(200, 'The name must be at most 200 characters'),
  company: z
    .string()
    .trim()
    .max(200, 'The company must be at most 200 characters')
    .transform((company) => (company === '' ? null : company))
    .nullish(),
  emails: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: (issue) => `"${String(issue.input)}" is not a valid email address` })),
    )
    .transform(unique)
    .refine((emails) => emails.length <= MAX_CONTACT_EMAILS, {
      message: `A contact can have at most ${MAX_CONTACT_EMAILS} email addresses`,
    })
    .default([]),
  phones: z
    .array(
      z
        .string()
        .trim()
        .refine(isE164, {
          error: (issue) =>
            `"${String(issue.input)}" is not an E.164 phone number; write it as + country code and number, e.g. +33612345678`,
        })
        .transform((phone) => phone as E164),
    )
    .transform(unique)
    .refine((phones) => phones.length <= MAX_CONTACT_PHONES, {
      message: `A contact can have at most ${MAX_CONTACT_PHONES} phone numbers`,
    })
    .default([]),
  externalIds: z.record(z.string(), z.string()).optional(),
});

export type ContactInput = z.output<typeof ContactInputSchema>;

/** A stored contact on its way out to a file; `id` lets re-imports recognise it (vCard UID). */
export type ExportContact = ContactInput & { id: string };
