import { getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { z } from 'zod';
import { type E164, isCountryCode, toE164 } from '../../../phone/e164.ts';
import { type ContactInput, ContactInputSchema } from './contact-input.ts';
import type { ParseError } from './parse-result.ts';

/** A value as it stood in the file, with where it stood ('column "Phone"', 'TEL') for error messages. */
export interface SourcedValue {
  value: string;
  source: string;
}

/** One record read from a file, nothing checked or normalised yet. */
export interface ContactDraft {
  name: string;
  company: string;
  emails: SourcedValue[];
  phones: SourcedValue[];
}

export interface DraftPlace {
  line: number;
  /** How messages name the record: "Row 4", "Card starting on line 12". */
  where: string;
  /** The message when the record has neither a name nor a company, naming what the format calls them. */
  missingName: string;
}

export type DraftOutcome = { ok: true; contact: ContactInput } | { ok: false; errors: ParseError[] };

const Email = z.email();

/**
 * Turns a draft into a contact or into every problem it has, each naming the column or property
 * and the value, so a person can fix the file in one pass.
 */
export function finishDraft(draft: ContactDraft, place: DraftPlace, defaultCountry: string): DraftOutcome {
  const { line, where } = place;
  const country = defaultCountry.trim().toUpperCase();
  const errors: ParseError[] = [];
  const name = draft.name.trim() || draft.company.trim();
  if (!name) errors.push({ line, field: 'name', message: place.missingName });

  const emails: string[] = [];
  for (const { value, source } of draft.emails) {
    const email = value.trim().toLowerCase();
    if (Email.safeParse(email).success) emails.push(email);
    else
      errors.push({
        line,
        field: 'emails',
        message: `${where}, ${source}: "${value.trim()}" is not a valid email address`,
      });
  }

  const phones: E164[] = [];
  for (const { value, source } of draft.phones) {
    const phone = toE164(value, country);
    if (phone) phones.push(phone);
    else
      errors.push({
        line,
        field: 'phones',
        message: `${where}, ${source}: ${invalidPhoneMessage(value, country)}`,
      });
  }
  if (errors.length > 0) return { ok: false, errors };

  const parsed = ContactInputSchema.safeParse({ name, company: draft.company, emails, phones });
  if (parsed.success) return { ok: true, contact: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      line,
      field: String(issue.path[0]),
      message: `${where}: ${issue.message}`,
    })),
  };
}

/** Shows a real number of the account's country so the person sees what "international format" means. */
export function invalidPhoneMessage(raw: string, country: string): string {
  const example = isCountryCode(country) ? getExampleNumber(country, examples) : undefined;
  const shown = `"${raw.trim()}" is not a valid phone number`;
  return example
    ? `${shown} for ${country}; write it in international format, e.g. ${example.formatInternational()}`
    : `${shown}; write it in international format, + and the country code first, e.g. +33 6 12 34 56 78`;
}
