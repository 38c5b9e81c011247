import { describe, expect, it } from 'vitest';
import { RoutingPolicySchema } from './policy.ts';

const ANA = '0b6f4c1e-3a52-4d8e-9f01-5c2b7a9d4e10';
const BEN = '7d3e2f1a-8b64-4c0d-a2e5-1f9b3c6d8a72';
const CLEO = 'c41a9e27-5f38-4b1d-8e6c-2a7d9f0b3e45';

const greeting = { text: 'Bienvenue chez Parley.', language: 'fr' };

function issues(input: unknown): [string, string][] {
  const result = RoutingPolicySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

const ivr = (options: unknown[], extra: Record<string, unknown> = {}) => ({
  strategy: 'ivr',
  greeting,
  options,
  ...extra,
});
const ai = (intents: unknown[]) => ({ strategy: 'ai_receptionist', greeting, intents });
const intent = (name: string, phrases: unknown, target: unknown = { kind: 'voicemail' }) => ({
  name,
  phrases,
  target,
});

describe('RoutingPolicySchema accepts and fills defaults for', () => {
  it('a simultaneous ring', () => {
    expect(RoutingPolicySchema.parse({ strategy: 'simultaneous', members: [ANA, BEN] })).toEqual({
      strategy: 'simultaneous',
      members: [ANA, BEN],
      ringSeconds: 20,
      fallback: { kind: 'voicemail' },
    });
  });

  it('a cascade', () => {
    const parsed = RoutingPolicySchema.parse({
      strategy: 'cascade',
      steps: [{ memberId: ANA }, { memberId: BEN, ringSeconds: 30 }],
      fallback: { kind: 'forward', to: '+33612345678' },
    });
    expect(parsed).toEqual({
      strategy: 'cascade',
      steps: [
        { memberId: ANA, ringSeconds: 15 },
        { memberId: BEN, ringSeconds: 30 },
      ],
      fallback: { kind: 'forward', to: '+33612345678' },
    });
  });

  it('an IVR with every kind of target', () => {
    const options = [
      { digit: '1', target: { kind: 'member', memberId: ANA } },
      { digit: '2', target: { kind: 'members', memberIds: [BEN, CLEO], ringSeconds: 25 } },
      { digit: '3', target: { kind: 'voicemail' } },
      { digit: '*', target: { kind: 'announcement', text: 'Open 9 to 6.', language: 'en' } },
      { digit: '#', target: { kind: 'forward', to: '+14155552671' } },
    ];
    const parsed = RoutingPolicySchema.parse(ivr(options, { fallback: { kind: 'hangup' } }));
    expect(parsed).toMatchObject({ timeoutSeconds: 6, maxRetries: 2, fallback: { kind: 'hangup' } });
    expect(parsed.strategy === 'ivr' && parsed.options.map((option) => option.target)).toEqual([
      { kind: 'member', memberId: ANA, ringSeconds: 20 },
      { kind: 'members', memberIds: [BEN, CLEO], ringSeconds: 25 },
      { kind: 'voicemail' },
      { kind: 'announcement', text: 'Open 9 to 6.', language: 'en' },
      { kind: 'forward', to: '+14155552671' },
    ]);
  });

  it('an AI receptionist whose intents have phrases in one language only', () => {
    const parsed = RoutingPolicySchema.parse(
      ai([
        intent('Sales', { en: ['I want to buy'] }, { kind: 'member', memberId: ANA }),
        intent('Support', { fr: ['  Mon téléphone ne marche plus  '] }),
      ]),
    );
    expect(parsed.strategy === 'ai_receptionist' && parsed.intents.map((i) => i.phrases)).toEqual([
      { fr: [], en: ['I want to buy'] },
      { fr: ['Mon téléphone ne marche plus'], en: [] },
    ]);
    expect(parsed.fallback).toEqual({ kind: 'voicemail' });
  });
});

describe('RoutingPolicySchema refuses, naming the field', () => {
  it.each([[{ strategy: 'round_robin', members: [ANA] }], [{ members: [ANA] }]])(
    'an unknown or missing strategy in %j',
    (input) => {
      expect(issues(input)).toEqual([
        ['strategy', 'Choose a routing strategy: simultaneous, cascade, ivr or ai_receptionist.'],
      ]);
    },
  );

  it.each([
    [{ members: [] }, 'members', 'Add at least one member to ring.'],
    [{ members: [ANA, BEN, ANA] }, 'members.2', 'Member 3 is the same as member 1: list each member once.'],
    [
      { members: ['ana'] },
      'members.0',
      'Each member id must be the id (a UUID) of a member of this account.',
    ],
    [
      { members: [ANA], ringSeconds: 4 },
      'ringSeconds',
      'Ring time must be a whole number of seconds between 5 and 120.',
    ],
    [
      { members: [ANA], ringSeconds: 121 },
      'ringSeconds',
      'Ring time must be a whole number of seconds between 5 and 120.',
    ],
    [
      { members: [ANA], ringSeconds: 7.5 },
      'ringSeconds',
      'Ring time must be a whole number of seconds between 5 and 120.',
    ],
    [
      { members: [ANA], fallback: { kind: 'forward', to: '0612345678' } },
      'fallback.to',
      'The forwarding number must be a phone number in international format, such as +33612345678.',
    ],
    [
      { members: [ANA], fallback: { kind: 'member', memberId: ANA } },
      'fallback.kind',
      'Choose what happens when nobody answers: kind voicemail, forward, announcement or hangup.',
    ],
  ])('a simultaneous ring with %j', (fields, path, message) => {
    expect(issues({ strategy: 'simultaneous', ...fields })).toEqual([[path, message]]);
  });

  it('more than 50 members ringing at once', () => {
    const members = Array.from(
      { length: 51 },
      (_, i) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    );
    expect(issues({ strategy: 'simultaneous', members })).toEqual([
      ['members', 'Ring at most 50 members at once: remove some or use a cascade.'],
    ]);
  });

  it.each([
    [[], 'steps', 'Add at least one step to the cascade.'],
    [
      [{ memberId: ANA }, { memberId: ANA }],
      'steps.1.memberId',
      'Step 2 rings the same member as step 1: each member can appear once in a cascade.',
    ],
    [
      [{ memberId: ANA, ringSeconds: 200 }],
      'steps.0.ringSeconds',
      'Ring time must be a whole number of seconds between 5 and 120.',
    ],
  ])('a cascade with steps %j', (steps, path, message) => {
    expect(issues({ strategy: 'cascade', steps })).toEqual([[path, message]]);
  });

  it.each([
    [
      'a repeated key',
      ivr([
        { digit: '1', target: { kind: 'voicemail' } },
        { digit: '2', target: { kind: 'voicemail' } },
        { digit: '1', target: { kind: 'voicemail' } },
      ]),
      'options.2.digit',
      'Key 1 is already used by option 1: give option 3 its own key.',
    ],
    [
      'a key that is not on a phone',
      ivr([{ digit: 'A', target: { kind: 'voicemail' } }]),
      'options.0.digit',
      'Each option needs a key: a digit 0 to 9, * or #.',
    ],
    ['no options', ivr([]), 'options', 'Add at least one menu option.'],
    [
      'a target number not in E.164',
      ivr([{ digit: '1', target: { kind: 'forward', to: '+33 6 12 34 56 78' } }]),
      'options.0.target.to',
      'The forwarding number must be a phone number in international format, such as +33612345678.',
    ],
    [
      'an unknown target kind',
      ivr([{ digit: '1', target: { kind: 'queue' } }]),
      'options.0.target.kind',
      'Choose where the call goes: kind member, members, voicemail, announcement or forward.',
    ],
    [
      'a members target with nobody in it',
      ivr([{ digit: '1', target: { kind: 'members', memberIds: [] } }]),
      'options.0.target.memberIds',
      'Add at least one member to ring.',
    ],
    [
      'a members target naming someone twice',
      ivr([{ digit: '1', target: { kind: 'members', memberIds: [BEN, BEN] } }]),
      'options.0.target.memberIds.1',
      'Member 2 is the same as member 1: list each member once.',
    ],
    [
      'a too-short wait for a key',
      ivr([{ digit: '1', target: { kind: 'voicemail' } }], { timeoutSeconds: 2 }),
      'timeoutSeconds',
      'The wait for a key press must be a whole number of seconds between 3 and 30.',
    ],
    [
      'too many repeats',
      ivr([{ digit: '1', target: { kind: 'voicemail' } }], { maxRetries: 4 }),
      'maxRetries',
      'The menu can be repeated 0 to 3 times.',
    ],
    [
      'an empty greeting',
      ivr([{ digit: '1', target: { kind: 'voicemail' } }], { greeting: { text: '', language: 'en' } }),
      'greeting.text',
      'The greeting is empty: write the text callers should hear.',
    ],
  ])('an IVR with %s', (_, input, path, message) => {
    expect(issues(input)).toEqual([[path, message]]);
  });

  it.each([
    ['no intents', ai([]), 'intents', 'Add at least one intent for the receptionist to recognise.'],
    [
      'an intent without phrases',
      ai([intent('Sales', { fr: [], en: [] })]),
      'intents.0.phrases',
      'Add at least one phrase a caller might say for this intent, in French or English.',
    ],
    [
      'two intents with the same name but for case and spaces',
      ai([intent('Sales', { en: ['buy'] }), intent(' sales ', { en: ['price'] })]),
      'intents.1.name',
      'Intent 2 has the same name as intent 1 ("sales"): give each intent its own name.',
    ],
    [
      'a phrase over 200 characters',
      ai([intent('Sales', { en: ['x'.repeat(201)] })]),
      'intents.0.phrases.en.0',
      'A phrase in English is longer than 200 characters: shorten it.',
    ],
    [
      'more than 50 phrases in one language',
      ai([intent('Sales', { fr: Array.from({ length: 51 }, (_, i) => `phrase ${i}`) })]),
      'intents.0.phrases.fr',
      'An intent has at most 50 French phrases: keep the most typical ones.',
    ],
    [
      'an intent name over 60 characters',
      ai([intent('n'.repeat(61), { en: ['hello'] })]),
      'intents.0.name',
      'An intent name is at most 60 characters: shorten it.',
    ],
    [
      'a target member id that is not a UUID',
      ai([intent('Sales', { en: ['buy'] }, { kind: 'member', memberId: '42' })]),
      'intents.0.target.memberId',
      'Each member id must be the id (a UUID) of a member of this account.',
    ],
  ])('an AI receptionist with %s', (_, input, path, message) => {
    expect(issues(input)).toEqual([[path, message]]);
  });
});
