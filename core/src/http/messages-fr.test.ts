import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localizeErrorBody } from './errors.ts';
import { messagesFr, patternsFr, translateMessage } from './messages-fr.ts';

describe('messagesFr', () => {
  it('has each English key once, and a non-empty French text that differs from it', () => {
    // An object literal keeps the last of two equal keys silently: count them in the source.
    const file = readFileSync(new URL('./messages-fr.ts', import.meta.url), 'utf8');
    const start = file.indexOf('export const messagesFr');
    const source = file.slice(start, file.indexOf('\n};', start));
    const keys = [...source.matchAll(/^ {2}(?:(['"])((?:\\.|(?!\1).)*)\1|([A-Z][a-z]+)):/gm)].map(
      (m) => m[2] ?? m[3],
    );
    expect(keys.length).toBe(Object.keys(messagesFr).length);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [english, french] of Object.entries(messagesFr)) {
      expect(french.trim(), english).not.toBe('');
      expect(french, english).not.toBe(english);
    }
  });

  it('uses typographic apostrophes and a non-breaking space before : ? !', () => {
    for (const french of [...Object.values(messagesFr), ...patternsFr.map(([, f]) => f)]) {
      expect(french).not.toMatch(/'/);
      expect(french).not.toMatch(/ [:?!]/);
    }
  });

  it('translates patterns with their values, "field: message", and leaves unknown text alone', () => {
    expect(
      translateMessage(
        '"0612" is not a valid phone number for FR: write it in international format, e.g. +33 6 12 34 56 78.',
      ),
    ).toBe(
      '« 0612 » n’est pas un numéro de téléphone valide pour FR\u00a0: écrivez-le au format international, par exemple +33 6 12 34 56 78.',
    );
    expect(translateMessage('Unknown fields: a, b')).toBe('Champ(s) inconnu(s)\u00a0: a, b');
    expect(translateMessage('email: Not a valid email address')).toBe(
      'email\u00a0: Adresse e-mail non valide',
    );
    expect(translateMessage('Something nobody wrote down')).toBe('Something nobody wrote down');
  });

  it('translates the values a pattern captures, so a sentence wrapping another reads French throughout', () => {
    expect(
      translateMessage(
        'Row 4, column "Phone": "0612" is not a valid phone number for FR; write it in international format, e.g. +33 6 12 34 56 78',
      ),
    ).toBe(
      'Ligne 4, colonne « Phone »\u00a0: « 0612 » n’est pas un numéro de téléphone valide pour FR ; écrivez-le au format international, par exemple +33 6 12 34 56 78',
    );
    expect(translateMessage('The greeting is empty: write the text callers should hear.')).toBe(
      'L’accueil est vide\u00a0: écrivez le texte que les appelants doivent entendre.',
    );
    expect(
      translateMessage(
        'Monday, range 2 ends at 08:00, which is not after its start 09:00: a range must end later the same day (use 24:00 for midnight).',
      ),
    ).toBe(
      'lundi, plage 2 se termine à 08:00, ce qui n’est pas après son début 09:00\u00a0: une plage doit finir plus tard le même jour (utilisez 24:00 pour minuit).',
    );
    expect(
      translateMessage(
        'This number is no longer available to buy on Twilio. Search again and pick another. (Twilio 21422)',
      ),
    ).toBe(
      'Ce numéro n’est plus disponible à l’achat chez Twilio. Cherchez de nouveau et choisissez-en un autre. (code Twilio 21422)',
    );
  });

  it('keeps a CRM’s own words and translates the advice Parley adds after them', () => {
    expect(
      translateMessage('HubSpot said: Contact already exists Parley will read the record again and retry.'),
    ).toBe('HubSpot a répondu\u00a0: Contact already exists Parley relira la fiche et réessaiera.');
    expect(translateMessage('Attio said: “Bad value” Reconnect Attio in Parley’s settings.')).toBe(
      'Attio a répondu\u00a0: « Bad value » Reconnectez Attio dans les réglages de Parley.',
    );
  });

  it('localizes message and field values only for French, keeping code and keys', () => {
    const body = {
      error: {
        code: 'invalid_input',
        message: 'email: Not a valid email address',
        details: { fields: { email: 'Not a valid email address', other: 'Unlisted' }, extra: 1 },
      },
    };
    expect(localizeErrorBody(body, 'en')).toEqual(body);
    expect(localizeErrorBody(body, 'fr')).toEqual({
      error: {
        code: 'invalid_input',
        message: 'email\u00a0: Adresse e-mail non valide',
        details: { fields: { email: 'Adresse e-mail non valide', other: 'Unlisted' }, extra: 1 },
      },
    });
  });
});
