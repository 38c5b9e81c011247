import type { Speech } from '../../routing/plan.ts';
import type { Language } from '../routing-policy/fields.ts';

const NOTICES: Record<Language, string> = {
  fr: 'Cet appel est susceptible d’être enregistré.',
  en: 'This call may be recorded.',
};

/** The legal notice a caller hears first whenever the call is recorded, in the account's language. */
export function recordingNotice(language: Language): Speech {
  return { text: NOTICES[language], language };
}
