import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { Language } from '../../../domain/routing-policy/fields.ts';
import type { Speech } from '../../../routing/index.ts';

/**
 * The Twilio locale of each Parley language, valid for both <Say> and <Gather> (twilio-node types
 * them as two different enums). One locale per language keeps the voice and speech recognition
 * of every step of a call in the same accent.
 */
const LOCALES = { fr: 'fr-FR', en: 'en-US' } as const;

export type TwilioLocale = (typeof LOCALES)[Language];

export function twilioLocale(language: Language): TwilioLocale {
  return LOCALES[language];
}

const VOICEMAIL_GREETINGS: Record<Language, string> = {
  fr: 'Bonjour, nous ne pouvons pas vous répondre pour le moment. Laissez un message après le bip.',
  en: "Hello, we can't take your call right now. Please leave a message after the tone.",
};

/** What a voicemail step without its own greeting says, in the account's language. */
export function defaultVoicemailGreeting(language: Language): Speech {
  return { text: VOICEMAIL_GREETINGS[language], language };
}

/** Appends <Say> in the speech's own language; the text is escaped by the TwiML builder. */
export function say(parent: VoiceResponse | VoiceResponse.Gather, speech: Speech): void {
  parent.say({ language: twilioLocale(speech.language) }, speech.text);
}
