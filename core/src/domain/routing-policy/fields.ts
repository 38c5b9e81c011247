import { z } from 'zod';
import { isE164 } from '../../phone/e164.ts';

/** Fields shared by routing policies and business-hours settings, so both say the same thing. */

export const LanguageSchema = z.enum(['fr', 'en'], {
  error: 'Choose the language "fr" (French) or "en" (English).',
});
export type Language = z.infer<typeof LanguageSchema>;

/** Text read aloud to callers; `what` names the field in messages, e.g. "The greeting". */
export function spokenText(what: string) {
  return z
    .string({ error: `${what} is missing: write the text callers should hear.` })
    .trim()
    .min(1, `${what} is empty: write the text callers should hear.`)
    .max(1000, `${what} is longer than 1000 characters: shorten it.`);
}

export function phoneNumber(what: string) {
  const message = `${what} must be a phone number in international format, such as +33612345678.`;
  return z.string({ error: message }).refine(isE164, message);
}

export const GreetingSchema = z.object({
  text: spokenText('The greeting'),
  language: LanguageSchema,
});
export type Greeting = z.infer<typeof GreetingSchema>;
