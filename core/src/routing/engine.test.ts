import { describe, expect, it } from 'vitest';
import type { PresenceStatus } from '../bus/bus.ts';
import { type ScheduleInput, ScheduleSchema } from '../domain/hours/schedule.ts';
import { type RoutingPolicyInput, RoutingPolicySchema } from '../domain/routing-policy/policy.ts';
import type { E164 } from '../phone/e164.ts';
import { DEFAULT_RING_SECONDS, FORWARD_RING_SECONDS, planCall, SPEECH_TIMEOUT_SECONDS } from './engine.ts';
import { matchIntent } from './intent-match.ts';
import { afterGather, stepAt } from './paths.ts';
import type { GatherStep, Plan, Step } from './plan.ts';

const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const CHLOE = '00000000-0000-4000-8000-00000000000c';
const DAN = '00000000-0000-4000-8000-00000000000d';
const ACCOUNT = [ANA, BEN, CHLOE, DAN];
const ALL_ONLINE: Record<string, PresenceStatus> = { [ANA]: 'online', [BEN]: 'online', [CHLOE]: 'online' };
const CALLER = '+33698765432' as E164;
const ON_CALL = '+33612345678' as E164;
const PARTNER = '+14155552671' as E164;
const INSTANT = new Date('2026-03-02T10:00:00Z');

const VOICEMAIL: Step = { kind: 'voicemail' };
const HANGUP: Step = { kind: 'hangup' };

function schedule(open: boolean, afterHours: ScheduleInput['afterHours'] = { kind: 'voicemail' }) {
  const day = open
    ? { enabled: true, ranges: [{ start: '00:00', end: '24:00' }] }
    : { enabled: false, ranges: [] };
  return ScheduleSchema.parse({
    timeZone: 'Europe/Paris',
    days: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    afterHours,
  });
}

interface Situation {
  open?: boolean;
  afterHours?: ScheduleInput['afterHours'];
  presence?: Record<string, PresenceStatus>;
  memberIds?: string[];
  caller?: string;
}

function plan(policy: RoutingPolicyInput | null, situation: Situation = {}): Plan {
  return planCall({
    policy: policy && RoutingPolicySchema.parse(policy),
    schedule: schedule(situation.open ?? true, situation.afterHours),
    instant: INSTANT,
    presence: situation.presence ?? ALL_ONLINE,
    memberIds: situation.memberIds ?? ACCOUNT,
    caller: situation.caller ?? CALLER,
  });
}

/** A gather without where it goes on failure: what the caller hears and can choose. */
function menuAt(planned: Plan, path: string): Omit<GatherStep, 'otherwise'> {
  const { otherwise: _, ...menu } = gatherAt(planned, path);
  return menu;
}

function gatherAt(planned: Plan, path: string): GatherStep {
  const step = stepAt(planned, path);
  if (step?.kind !== 'gather') throw new Error(`expected a gather at ${path}, found ${step?.kind}`);
  return step;
}

const simultaneous = (fallback?: RoutingPolicyInput['fallback']): RoutingPolicyInput => ({
  strategy: 'simultaneous',
  members: [ANA, BEN, CHLOE],
  ringSeconds: 25,
  ...(fallback ? { fallback } : {}),
});

describe('simultaneous', () => {
  it.each<[string, Situation, string[]]>([
    ['rings every online member of the policy at once', {}, [ANA, BEN, CHLOE]],
    [
      'skips busy, offline and unreported members',
      { presence: { [ANA]: 'busy', [BEN]: 'online', [CHLOE]: 'offline' } },
      [BEN],
    ],
    ['never rings a member who left the account', { memberIds: [ANA, CHLOE, DAN] }, [ANA, CHLOE]],
  ])('%s', (_, situation, rung) => {
    expect(plan(simultaneous(), situation).root).toEqual({
      kind: 'ring',
      memberIds: rung,
      ringSeconds: 25,
      onNoAnswer: VOICEMAIL,
    });
  });

  it.each<[string, RoutingPolicyInput['fallback'], Step]>([
    ['voicemail by default', undefined, VOICEMAIL],
    [
      'the forward fallback, then voicemail',
      { kind: 'forward', to: ON_CALL },
      { kind: 'forward', to: ON_CALL, ringSeconds: FORWARD_RING_SECONDS, onNoAnswer: VOICEMAIL },
    ],
    [
      'the announcement fallback, then hangs up',
      { kind: 'announcement', text: 'We are all busy.', language: 'en' },
      { kind: 'say', text: 'We are all busy.', language: 'en', next: HANGUP },
    ],
    ['the hangup fallback', { kind: 'hangup' }, HANGUP],
  ])('goes to %s when nobody is online', (_, fallback, expected) => {
    expect(plan(simultaneous(fallback), { presence: { [ANA]: 'busy' } }).root).toEqual(expected);
  });
});

describe('cascade', () => {
  const cascade: RoutingPolicyInput = {
    strategy: 'cascade',
    steps: [
      { memberId: ANA, ringSeconds: 10 },
      { memberId: BEN, ringSeconds: 15 },
      { memberId: CHLOE, ringSeconds: 30 },
      { memberId: DAN },
    ],
    fallback: { kind: 'hangup' },
  };

  it('rings available members one at a time in order, each for its ring time, then falls back', () => {
    const presence: Record<string, PresenceStatus> = { [ANA]: 'online', [CHLOE]: 'online', [DAN]: 'online' };
    expect(plan(cascade, { presence }).root).toEqual({
      kind: 'ring',
      memberIds: [ANA],
      ringSeconds: 10,
      onNoAnswer: {
        kind: 'ring',
        memberIds: [CHLOE],
        ringSeconds: 30,
        onNoAnswer: { kind: 'ring', memberIds: [DAN], ringSeconds: 15, onNoAnswer: HANGUP },
      },
    });
  });

  it('skips busy and offline members and members who left the account', () => {
    const presence: Record<string, PresenceStatus> = { [ANA]: 'busy', [BEN]: 'offline', [CHLOE]: 'online' };
    expect(plan(cascade, { presence, memberIds: [ANA, BEN, DAN] }).root).toEqual(HANGUP);
    expect(plan(cascade, { presence }).root).toEqual({
      kind: 'ring',
      memberIds: [CHLOE],
      ringSeconds: 30,
      onNoAnswer: HANGUP,
    });
  });
});

describe('ivr', () => {
  const ivr: RoutingPolicyInput = {
    strategy: 'ivr',
    greeting: { text: 'Tapez 1 pour le service commercial, 2 pour laisser un message.', language: 'fr' },
    options: [
      { digit: '1', target: { kind: 'members', memberIds: [ANA, BEN], ringSeconds: 20 } },
      { digit: '2', target: { kind: 'voicemail' } },
      { digit: '3', target: { kind: 'member', memberId: CHLOE } },
      { digit: '*', target: { kind: 'forward', to: PARTNER } },
      {
        digit: '#',
        target: { kind: 'announcement', text: 'Nous sommes au 1 rue de la Paix.', language: 'fr' },
      },
    ],
    timeoutSeconds: 8,
    maxRetries: 2,
    fallback: { kind: 'announcement', text: 'Au revoir.', language: 'fr' },
  };
  const goodbye: Step = { kind: 'say', text: 'Au revoir.', language: 'fr', next: HANGUP };

  it('plays the greeting while waiting for one key, in the greeting language', () => {
    const menu = gatherAt(plan(ivr), '0');
    expect(menu).toMatchObject({
      input: 'dtmf',
      prompt: { text: 'Tapez 1 pour le service commercial, 2 pour laisser un message.', language: 'fr' },
      language: 'fr',
      timeoutSeconds: 8,
      numDigits: 1,
    });
  });

  it('branches each key to its target, falling back when nobody there answers', () => {
    const presence: Record<string, PresenceStatus> = { [ANA]: 'online', [BEN]: 'busy', [CHLOE]: 'offline' };
    expect(gatherAt(plan(ivr, { presence }), '0').digits).toEqual({
      '1': { kind: 'ring', memberIds: [ANA], ringSeconds: 20, onNoAnswer: goodbye },
      '2': VOICEMAIL,
      '3': goodbye,
      '*': { kind: 'forward', to: PARTNER, ringSeconds: FORWARD_RING_SECONDS, onNoAnswer: goodbye },
      '#': { kind: 'say', text: 'Nous sommes au 1 rue de la Paix.', language: 'fr', next: HANGUP },
    });
  });

  it('follows a pressed key to its branch by path', () => {
    const planned = plan(ivr);
    const next = afterGather('0', gatherAt(planned, '0'), { kind: 'digits', digits: '1' });
    expect(next).toEqual({ path: '0.d1' });
    expect(stepAt(planned, next.path)).toMatchObject({ kind: 'ring', memberIds: [ANA, BEN] });
    expect(afterGather('0', gatherAt(planned, '0'), { kind: 'digits', digits: '#' })).toEqual({
      path: '0.dh',
    });
  });

  it('repeats the menu after an invalid key, saying so, then falls back after maxRetries repeats', () => {
    const planned = plan(ivr);
    let path = '0';
    for (let repeat = 1; repeat <= 2; repeat += 1) {
      const next = afterGather(path, gatherAt(planned, path), { kind: 'digits', digits: '7' });
      expect(next.notice).toEqual({ text: "Ce choix n'est pas valide.", language: 'fr' });
      expect(menuAt(planned, next.path)).toEqual(menuAt(planned, '0'));
      path = next.path;
    }
    const last = afterGather(path, gatherAt(planned, path), { kind: 'digits', digits: '7' });
    expect(last.path).toBe('0.o.o.o');
    expect(stepAt(planned, last.path)).toEqual(goodbye);
  });

  it('repeats the menu after a timeout without a notice, then falls back', () => {
    const planned = plan(ivr);
    expect(afterGather('0', gatherAt(planned, '0'), { kind: 'none' })).toEqual({ path: '0.o' });
    expect(menuAt(planned, '0.o')).toEqual(menuAt(planned, '0'));
    expect(menuAt(planned, '0.o.o')).toEqual(menuAt(planned, '0'));
    expect(stepAt(planned, '0.o.o.o')).toEqual(goodbye);
  });

  it('gives a menu without repeats when maxRetries is 0', () => {
    const planned = plan({ ...ivr, maxRetries: 0 });
    expect(stepAt(planned, '0.o')).toEqual(goodbye);
  });
});

describe('ai_receptionist', () => {
  const receptionist = (language: 'fr' | 'en'): RoutingPolicyInput => ({
    strategy: 'ai_receptionist',
    greeting: {
      text: language === 'fr' ? 'Bonjour, que puis-je pour vous ?' : 'Hello, how can I help?',
      language,
    },
    intents: [
      {
        name: 'Sales',
        phrases: { fr: ['service commercial', 'acheter', 'devis'], en: ['sales', 'buy', 'quote'] },
        target: { kind: 'members', memberIds: [ANA, BEN] },
      },
      {
        name: 'Support',
        phrases: { fr: ['support technique', 'panne'], en: ['technical support', 'broken'] },
        target: { kind: 'member', memberId: CHLOE, ringSeconds: 30 },
      },
      {
        name: 'Partners',
        phrases: { fr: ['partenariat'], en: ['partnership'] },
        target: { kind: 'forward', to: PARTNER },
      },
    ],
  });

  function route(language: 'fr' | 'en', utterance: string, situation: Situation = {}) {
    const planned = plan(receptionist(language), situation);
    const greeting = gatherAt(planned, '0');
    const heard = matchIntent(utterance, greeting.intents ?? [], greeting.language);
    const next = afterGather('0', greeting, { kind: 'intent', name: heard?.name ?? null });
    return { planned, greeting, next, step: stepAt(planned, next.path) };
  }

  it('listens for speech in the greeting language', () => {
    const { greeting } = route('fr', '');
    expect(greeting).toMatchObject({
      input: 'speech',
      language: 'fr',
      prompt: { text: 'Bonjour, que puis-je pour vous ?', language: 'fr' },
      timeoutSeconds: SPEECH_TIMEOUT_SECONDS,
    });
    expect(greeting.intents?.map((intent) => intent.name)).toEqual(['Sales', 'Support', 'Partners']);
  });

  it.each<[string, 'fr' | 'en', string, string, Step]>([
    [
      'French request for sales',
      'fr',
      'je voudrais parler au service commercial',
      '0.i0',
      { kind: 'ring', memberIds: [ANA, BEN], ringSeconds: 20, onNoAnswer: VOICEMAIL },
    ],
    [
      'English request for sales',
      'en',
      "I'd like to talk to sales please",
      '0.i0',
      { kind: 'ring', memberIds: [ANA, BEN], ringSeconds: 20, onNoAnswer: VOICEMAIL },
    ],
    [
      'misspelt transcript',
      'fr',
      'le service comercial svp',
      '0.i0',
      { kind: 'ring', memberIds: [ANA, BEN], ringSeconds: 20, onNoAnswer: VOICEMAIL },
    ],
    [
      'English words on a French line',
      'fr',
      'technical support please',
      '0.i1',
      { kind: 'ring', memberIds: [CHLOE], ringSeconds: 30, onNoAnswer: VOICEMAIL },
    ],
  ])('routes a %s to its target', (_, language, utterance, path, expected) => {
    const { next, step } = route(language, utterance);
    expect(next.path).toBe(path);
    expect(step).toEqual(expected);
  });

  it('asks once more when nothing matches, then falls back', () => {
    const { planned, next } = route('en', 'what is the weather like in Lyon');
    expect(next.path).toBe('0.o');
    const again = gatherAt(planned, '0.o');
    expect(again.prompt.language).toBe('en');
    expect(again.prompt.text).toMatch(/didn't catch that/);
    expect(again.intents).toEqual(gatherAt(planned, '0').intents);
    expect(stepAt(planned, '0.o.o')).toEqual(VOICEMAIL);
  });

  it('asks again in French on a French line', () => {
    const { planned } = route('fr', '');
    expect(gatherAt(planned, '0.o').prompt).toMatchObject({
      language: 'fr',
      text: expect.stringMatching(/Pardon/),
    });
  });

  it('falls back at once on an intent whose members are all unavailable', () => {
    const { step } = route('fr', 'service commercial', { presence: { [CHLOE]: 'online' } });
    expect(step).toEqual(VOICEMAIL);
  });
});

describe('outside business hours', () => {
  it.each<[string, ScheduleInput['afterHours'], Step]>([
    ['voicemail', { kind: 'voicemail' }, VOICEMAIL],
    [
      'voicemail with its greeting',
      { kind: 'voicemail', greeting: { text: 'Nous sommes fermés.', language: 'fr' } },
      { kind: 'voicemail', greeting: { text: 'Nous sommes fermés.', language: 'fr' } },
    ],
    [
      'forward to the on-call number, then voicemail',
      { kind: 'forward', to: ON_CALL },
      { kind: 'forward', to: ON_CALL, ringSeconds: FORWARD_RING_SECONDS, onNoAnswer: VOICEMAIL },
    ],
    [
      'announcement, then hang up',
      { kind: 'announcement', text: 'We open at 9.', language: 'en' },
      { kind: 'say', text: 'We open at 9.', language: 'en', next: HANGUP },
    ],
    ['voicemail when the policy has no receptionist to run', { kind: 'ai_receptionist' }, VOICEMAIL],
  ])('applies %s instead of ringing anyone', (_, afterHours, expected) => {
    const planned = plan(simultaneous(), { open: false, afterHours });
    expect(planned).toEqual({ afterHours: true, root: expected });
  });

  it('applies the after-hours behaviour to a number without a policy', () => {
    const afterHours = { kind: 'forward', to: ON_CALL } as const;
    expect(plan(null, { open: false, afterHours }).root).toMatchObject({ kind: 'forward', to: ON_CALL });
  });

  it('runs the AI receptionist with member targets turned into voicemail', () => {
    const policy: RoutingPolicyInput = {
      strategy: 'ai_receptionist',
      greeting: { text: 'Hello, how can I help?', language: 'en' },
      intents: [
        { name: 'Sales', phrases: { en: ['sales'] }, target: { kind: 'members', memberIds: [ANA, BEN] } },
        { name: 'Support', phrases: { en: ['support'] }, target: { kind: 'member', memberId: CHLOE } },
        { name: 'Partners', phrases: { en: ['partnership'] }, target: { kind: 'forward', to: PARTNER } },
      ],
      fallback: { kind: 'hangup' },
    };
    const planned = plan(policy, { open: false, afterHours: { kind: 'ai_receptionist' } });
    expect(planned.afterHours).toBe(true);
    expect(gatherAt(planned, '0').intents?.map((intent) => intent.next)).toEqual([
      VOICEMAIL,
      VOICEMAIL,
      { kind: 'forward', to: PARTNER, ringSeconds: FORWARD_RING_SECONDS, onNoAnswer: HANGUP },
    ]);
    expect(stepAt(planned, '0.o.o')).toEqual(HANGUP);
  });
});

describe('other rules', () => {
  it('sends calls to a number without a policy and without a member to voicemail in hours', () => {
    expect(plan(null)).toEqual({ afterHours: false, root: VOICEMAIL });
  });

  it('rings the member a number without a policy belongs to, then voicemail; straight to voicemail when they are away', () => {
    const planned = (presence: Record<string, PresenceStatus>) =>
      planCall({
        policy: null,
        schedule: schedule(true),
        instant: INSTANT,
        presence,
        memberIds: ACCOUNT,
        caller: CALLER,
        assignedMemberId: ANA,
      });
    expect(planned(ALL_ONLINE).root).toEqual({
      kind: 'ring',
      memberIds: [ANA],
      ringSeconds: DEFAULT_RING_SECONDS,
      onNoAnswer: VOICEMAIL,
    });
    expect(planned({ [ANA]: 'offline' }).root).toEqual(VOICEMAIL);
  });

  it('never forwards a caller to their own number', () => {
    const planned = plan(simultaneous({ kind: 'forward', to: CALLER }), { presence: {} });
    expect(planned.root).toEqual(VOICEMAIL);
  });

  it('gives plans that survive a JSON round trip unchanged', () => {
    const planned = plan(simultaneous({ kind: 'forward', to: ON_CALL }));
    expect(JSON.parse(JSON.stringify(planned))).toEqual(planned);
  });
});
