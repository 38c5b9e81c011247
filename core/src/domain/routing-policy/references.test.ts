import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IVR_DIGITS, type RoutingPolicy, RoutingPolicySchema } from './policy.ts';
import { memberIdsIn, requiresBusinessPlan } from './references.ts';

const ANA = '0b6f4c1e-3a52-4d8e-9f01-5c2b7a9d4e10';
const BEN = '7d3e2f1a-8b64-4c0d-a2e5-1f9b3c6d8a72';
const CLEO = 'c41a9e27-5f38-4b1d-8e6c-2a7d9f0b3e45';
const greeting = { text: 'Welcome.', language: 'en' };

describe('memberIdsIn', () => {
  it('lists the ids inside IVR targets once each, in order of first mention', () => {
    const policy = RoutingPolicySchema.parse({
      strategy: 'ivr',
      greeting,
      options: [
        { digit: '1', target: { kind: 'members', memberIds: [BEN, ANA] } },
        { digit: '2', target: { kind: 'forward', to: '+33612345678' } },
        { digit: '3', target: { kind: 'member', memberId: ANA } },
        { digit: '4', target: { kind: 'member', memberId: CLEO } },
      ],
    });
    expect(memberIdsIn(policy)).toEqual([BEN, ANA, CLEO]);
  });

  it('finds no member in a receptionist that only takes messages', () => {
    const policy = RoutingPolicySchema.parse({
      strategy: 'ai_receptionist',
      greeting,
      intents: [{ name: 'Anything', phrases: { en: ['hello'] }, target: { kind: 'voicemail' } }],
    });
    expect(memberIdsIn(policy)).toEqual([]);
  });

  /** A target together with the member ids it places, as the generator knows them. */
  const target = (pool: string[]) =>
    fc.oneof(
      fc.constantFrom(...pool).map((id) => ({ target: { kind: 'member', memberId: id }, ids: [id] })),
      fc
        .shuffledSubarray(pool, { minLength: 1 })
        .map((ids) => ({ target: { kind: 'members', memberIds: ids }, ids })),
      fc.constant({ target: { kind: 'voicemail' }, ids: [] }),
      fc.constant({ target: { kind: 'forward', to: '+33612345678' }, ids: [] }),
      fc.constant({ target: { kind: 'announcement', text: 'Hello.', language: 'fr' }, ids: [] }),
    );

  const policyAndIds = fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }).chain((pool) =>
    fc.oneof(
      fc
        .shuffledSubarray(pool, { minLength: 1 })
        .map((ids) => ({ input: { strategy: 'simultaneous', members: ids }, ids })),
      fc.shuffledSubarray(pool, { minLength: 1 }).map((ids) => ({
        input: { strategy: 'cascade', steps: ids.map((memberId) => ({ memberId })) },
        ids,
      })),
      fc.uniqueArray(fc.constantFrom(...IVR_DIGITS), { minLength: 1 }).chain((digits) =>
        fc.tuple(...digits.map(() => target(pool))).map((targets) => ({
          input: {
            strategy: 'ivr',
            greeting,
            options: targets.map((t, i) => ({ digit: digits[i], target: t.target })),
          },
          ids: targets.flatMap((t) => t.ids),
        })),
      ),
      fc.array(target(pool), { minLength: 1, maxLength: 20 }).map((targets) => ({
        input: {
          strategy: 'ai_receptionist',
          greeting,
          intents: targets.map((t, i) => ({
            name: `intent ${i}`,
            phrases: { en: ['hi'] },
            target: t.target,
          })),
        },
        ids: targets.flatMap((t) => t.ids),
      })),
    ),
  );

  // A second reading of the same policy: every UUID in its JSON, in textual order.
  const uuidsInJson = (policy: RoutingPolicy) => [
    ...new Set(JSON.stringify(policy).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)),
  ];

  it('returns exactly the ids placed in any generated policy, each once, in order of first mention', () => {
    fc.assert(
      fc.property(policyAndIds, ({ input, ids }) => {
        const policy = RoutingPolicySchema.parse(input);
        const found = memberIdsIn(policy);
        expect(new Set(found)).toEqual(new Set(ids));
        expect(found).toHaveLength(new Set(ids).size);
        expect(found).toEqual(uuidsInJson(policy));
      }),
      { numRuns: 500 },
    );
  });
});

describe('requiresBusinessPlan', () => {
  it.each([
    [false, { strategy: 'simultaneous', members: [ANA] }],
    [false, { strategy: 'cascade', steps: [{ memberId: ANA }] }],
    [false, { strategy: 'ivr', greeting, options: [{ digit: '0', target: { kind: 'voicemail' } }] }],
    [
      true,
      {
        strategy: 'ai_receptionist',
        greeting,
        intents: [{ name: 'Sales', phrases: { fr: ['acheter'] }, target: { kind: 'member', memberId: ANA } }],
      },
    ],
  ])('is %s for %j', (expected, input) => {
    expect(requiresBusinessPlan(RoutingPolicySchema.parse(input))).toBe(expected);
  });
});
