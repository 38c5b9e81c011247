import type { Page } from 'playwright-core';
import { dialerEn, dialerFr } from '../src/dialer/texts.ts';
import { en } from '../src/i18n/en.ts';
import { fr } from '../src/i18n/fr.ts';

/** English fragments (4+ letters, placeholders cut out) of every text whose French differs. */
function englishFragments(): string[] {
  const pairs: Array<[string, string]> = [
    ...Object.entries(dialerEn).map(
      ([k, v]) => [v, dialerFr[k as keyof typeof dialerFr]] as [string, string],
    ),
    ...Object.entries(en).map(([k, v]) => [v, fr[k as keyof typeof fr]] as [string, string]),
  ];
  return pairs
    .filter(([english, french]) => english !== french)
    .flatMap(([english]) => english.split(/\{\w+\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => /[a-z]{4}/i.test(fragment));
}

/** Nothing wider than the 400 px frame: a CRM iframe has no horizontal scrolling to offer. */
export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

export async function englishLeftovers(page: Page): Promise<string[]> {
  // textContent, not innerText: hidden texts (a legend for screen readers, closed options) count too.
  const text = (await page.locator('body').textContent()) ?? '';
  return englishFragments().filter((fragment) => text.includes(fragment));
}

/** The dialer's words a test reads, as an English or French rep reads them. */
export const DIALER_WORDS = {
  en: {
    locale: 'en-GB',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    status: 'My status',
    incoming: 'Incoming call',
    answer: 'Answer',
    hangUp: 'Hang up',
    inCall: 'In call',
    ended: 'Call ended',
    notes: 'Notes',
    mute: 'Mute',
    disposition: 'Disposition',
    save: 'Save notes and disposition',
    saved: 'Notes and disposition saved.',
    simulator: 'Simulator mode: no audio',
    answered: 'Result: Answered',
  },
  fr: {
    locale: 'fr-FR',
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    status: 'Mon statut',
    incoming: 'Appel entrant',
    answer: 'Répondre',
    hangUp: 'Raccrocher',
    inCall: 'En communication',
    ended: 'Appel terminé',
    notes: 'Notes',
    mute: 'Couper le micro',
    disposition: 'Qualification',
    save: 'Enregistrer notes et qualification',
    saved: 'Notes et qualification enregistrées.',
    simulator: 'Mode simulateur : pas de son',
    answered: 'Résultat : Répondu',
  },
} as const;
