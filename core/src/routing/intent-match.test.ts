import { describe, expect, it } from 'vitest';
import { deterministicMatcher, type IntentPhrases, MATCH_THRESHOLD, matchIntent } from './intent-match.ts';

const INTENTS: IntentPhrases[] = [
  {
    name: 'Sales',
    phrases: { fr: ['service commercial', 'acheter', 'devis', 'ventes'], en: ['sales', 'buy', 'quote'] },
  },
  {
    name: 'Support',
    phrases: { fr: ['support technique', 'panne', 'ça ne marche pas'], en: ['technical support', 'broken'] },
  },
  { name: 'Billing', phrases: { fr: ['facture', 'paiement'], en: ['invoice', 'billing', 'payment'] } },
];

describe('matchIntent', () => {
  it.each<[string, 'fr' | 'en', string]>([
    ['je voudrais parler au service commercial', 'fr', 'Sales'],
    ["I'd like to talk to sales please", 'en', 'Sales'],
    ['Je voudrais parler au SERVICE COMMERCIAL.', 'fr', 'Sales'],
    ['le service comercial svp', 'fr', 'Sales'],
    ['je veux parler au servise commercial', 'fr', 'Sales'],
    ['commercial', 'fr', 'Sales'],
    ['je voudrais un devis', 'fr', 'Sales'],
    ['les ventes', 'fr', 'Sales'],
    ["j'ai une panne", 'fr', 'Support'],
    ['my internet is broken', 'en', 'Support'],
    ['support technique', 'en', 'Support'],
    ['une question sur ma facture', 'fr', 'Billing'],
    ['a question about an invoce', 'en', 'Billing'],
    ['ça ne marche pas', 'fr', 'Support'],
  ])('matches %j (%s) to %s', (utterance, language, name) => {
    expect(matchIntent(utterance, INTENTS, language)?.name).toBe(name);
  });

  it.each([
    'what is the weather like in Lyon',
    'quelle heure est-il',
    'je voudrais parler à quelqu’un',
    'um',
    '',
    '!!!',
  ])('finds no intent in %j', (utterance) => {
    expect(matchIntent(utterance, INTENTS, 'fr')).toBeNull();
    expect(matchIntent(utterance, INTENTS, 'en')).toBeNull();
  });

  it('scores a phrase said word for word 1 and scattered words less', () => {
    expect(matchIntent('service commercial', INTENTS, 'fr')).toEqual({ name: 'Sales', score: 1 });
    const scattered = matchIntent('commercial et service', INTENTS, 'fr');
    expect(scattered?.name).toBe('Sales');
    expect(scattered?.score).toBeLessThan(1);
    expect(scattered?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('does not stretch fuzzy matching to short words', () => {
    const intents: IntentPhrases[] = [{ name: 'Buy', phrases: { fr: [], en: ['buy'] } }];
    expect(matchIntent('buy', intents, 'en')?.name).toBe('Buy');
    expect(matchIntent('bug', intents, 'en')).toBeNull();
  });

  it("prefers the intent with a phrase in the call's language when two match equally", () => {
    const intents: IntentPhrases[] = [
      { name: 'English contract', phrases: { fr: [], en: ['contrat'] } },
      { name: 'French contract', phrases: { fr: ['contrat'], en: [] } },
    ];
    expect(matchIntent('contrat', intents, 'fr')?.name).toBe('French contract');
    expect(matchIntent('contrat', intents, 'en')?.name).toBe('English contract');
  });

  it('finds no intent when two match equally in the same language', () => {
    const intents: IntentPhrases[] = [
      { name: 'Sales', phrases: { fr: ['service commercial'], en: [] } },
      { name: 'Customer care', phrases: { fr: ['service client'], en: [] } },
    ];
    expect(matchIntent('le service', intents, 'fr')).toBeNull();
    expect(matchIntent('le service client', intents, 'fr')?.name).toBe('Customer care');
  });

  it('matches a phrase made only of filler words on all its words', () => {
    const intents: IntentPhrases[] = [
      { name: 'Anyone', phrases: { fr: [], en: ['someone'] } },
      { name: 'Sales', phrases: { fr: [], en: ['sales'] } },
    ];
    expect(matchIntent('can I talk to someone', intents, 'en')?.name).toBe('Anyone');
    expect(matchIntent('can I talk to sales', intents, 'en')?.name).toBe('Sales');
  });
});

describe('deterministicMatcher', () => {
  it('answers what matchIntent answers', async () => {
    await expect(deterministicMatcher.match("I'd like to buy", INTENTS, 'en')).resolves.toEqual(
      matchIntent("I'd like to buy", INTENTS, 'en'),
    );
    await expect(deterministicMatcher.match('bonjour', INTENTS, 'fr')).resolves.toBeNull();
  });
});
