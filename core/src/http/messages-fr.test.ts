import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localizeErrorBody } from './errors.ts';
import { messagesFr, patternsFr, translateMessage } from './messages-fr.ts';

describe('messagesFr', () => {
  it('has each English key once, and a non-empty French text that differs from it', () => {
    // An object literal keeps the last of two equal keys silently: count them in the source.
    const source = readFileSync(new URL('./messages-fr.ts', import.meta.url), 'utf8');
    const keys = [...source.matchAll(/^ {2}(['"])((?:\\.|(?!\1).)*)\1:/gm)].map((m) => m[2]);
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
