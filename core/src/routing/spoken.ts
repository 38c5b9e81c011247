import type { Language } from '../domain/routing-policy/fields.ts';
import type { Speech } from './plan.ts';

/** What the engine itself says to callers, in each language a greeting can be in. */
const TEXTS = {
  invalidChoice: {
    fr: "Ce choix n'est pas valide.",
    en: 'That choice is not valid.',
  },
  askAgain: {
    fr: "Pardon, je n'ai pas compris. Pouvez-vous dire en quelques mots l'objet de votre appel ?",
    en: "Sorry, I didn't catch that. Could you tell me in a few words what your call is about?",
  },
} satisfies Record<string, Record<Language, string>>;

export function spoken(what: keyof typeof TEXTS, language: Language): Speech {
  return { text: TEXTS[what][language], language };
}
