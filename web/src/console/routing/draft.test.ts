import { describe, expect, it } from 'vitest';
import type { PhoneNumber, RoutingPolicy } from '../types.ts';
import { bodyOf, draftOf, errorUnder, nextDigit } from './draft.ts';

const ANA = '0b6f4c1e-3a52-4d8e-9f01-5c2b7a9d4e10';
const BEN = '7d3e2f1a-8b64-4c0d-a2e5-1f9b3c6d8a72';
const number = { id: 'n1', e164: '+33199001234', assignedMemberId: ANA } as PhoneNumber;

const policies: RoutingPolicy[] = [
  { strategy: 'simultaneous', members: [ANA, BEN], ringSeconds: 25, fallback: { kind: 'hangup' } },
  {
    strategy: 'cascade',
    steps: [
      { memberId: BEN, ringSeconds: 15 },
      { memberId: ANA, ringSeconds: 30 },
    ],
    fallback: { kind: 'forward', to: '+33612345678' },
  },
  {
    strategy: 'ivr',
    greeting: { text: 'Bienvenue.', language: 'fr' },
    options: [
      { digit: '1', target: { kind: 'member', memberId: ANA, ringSeconds: 20 } },
      { digit: '2', target: { kind: 'members', memberIds: [ANA, BEN], ringSeconds: 30 } },
      { digit: '*', target: { kind: 'announcement', text: 'Open 9 to 6.', language: 'en' } },
      { digit: '#', target: { kind: 'forward', to: '+14155552671' } },
      { digit: '0', target: { kind: 'voicemail' } },
    ],
    timeoutSeconds: 8,
    maxRetries: 1,
    fallback: { kind: 'announcement', text: 'Au revoir.', language: 'fr' },
  },
  {
    strategy: 'ai_receptionist',
    greeting: { text: 'Hello, how can I help?', language: 'en' },
    intents: [
      { name: 'Sales', phrases: { fr: ['acheter', 'un devis'], en: ['buy'] }, target: { kind: 'voicemail' } },
      {
        name: 'Support',
        phrases: { fr: [], en: ['it broke'] },
        target: { kind: 'member', memberId: BEN, ringSeconds: 15 },
      },
    ],
    fallback: { kind: 'voicemail' },
  },
];

describe('the routing form draft', () => {
  it.each(policies.map((p) => [p.strategy, p] as const))(
    'gives back a saved %s policy unchanged after a round trip through the form',
    (_, policy) => {
      expect(bodyOf(draftOf(policy, number, 'fr'))).toEqual(policy);
    },
  );

  it('keeps what was typed for another strategy while the admin switches, and sends only the chosen one', () => {
    const draft = draftOf(policies[2] ?? null, number, 'fr');
    const asCascade = bodyOf({
      ...draft,
      strategy: 'cascade',
      steps: [{ memberId: ANA, ringSeconds: '15' }],
    });
    expect(asCascade).toEqual({
      strategy: 'cascade',
      steps: [{ memberId: ANA, ringSeconds: 15 }],
      fallback: { kind: 'announcement', text: 'Au revoir.', language: 'fr' },
    });
    expect(bodyOf({ ...draft, strategy: 'ivr' })).toEqual(policies[2]);
  });

  it('sends phrases one per line, dropping blank lines, and ring times that are not whole numbers as typed', () => {
    const draft = draftOf(null, number, 'en');
    const body = bodyOf({
      ...draft,
      strategy: 'ai_receptionist',
      greeting: { text: 'Hi', language: 'en' },
      intents: [
        {
          name: 'Sales',
          phrasesFr: ' acheter \n\n  devis',
          phrasesEn: '',
          target: { ...draft.fallback, kind: 'member', memberId: ANA, ringSeconds: '1O' },
        },
      ],
    });
    expect(body).toMatchObject({
      intents: [
        { phrases: { fr: ['acheter', 'devis'], en: [] }, target: { kind: 'member', ringSeconds: '1O' } },
      ],
    });
  });

  it('starts a new number on everyone-at-once with its assigned member and a menu whose key 1 rings them', () => {
    const draft = draftOf(null, number, 'fr');
    expect(draft.strategy).toBe('simultaneous');
    expect(draft.members).toEqual([ANA]);
    expect(draft.options[0]?.target).toMatchObject({ kind: 'member', memberId: ANA });
    expect(draft.greeting.language).toBe('fr');
  });

  it('shows a field its own error or the first error of anything under it', () => {
    const fields = {
      'intents.0.phrases.fr.2': 'too long',
      'options.1.target.to': 'bad number',
      greeting: 'missing',
    };
    expect(errorUnder(fields, 'intents.0.phrases.fr')).toBe('too long');
    expect(errorUnder(fields, 'options.1.target.to')).toBe('bad number');
    expect(errorUnder(fields, 'greeting')).toBe('missing');
    expect(errorUnder(fields, 'options.0.target.to')).toBeUndefined();
    expect(errorUnder(undefined, 'greeting')).toBeUndefined();
  });

  it('offers the next free key in keypad order, and none when all twelve are used', () => {
    const option = (digit: string) => ({ digit, target: draftOf(null, number, 'fr').fallback });
    expect(nextDigit([option('1'), option('3')])).toBe('2');
    expect(nextDigit('1234567890*#'.split('').map(option))).toBeNull();
  });
});
