import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PresenceStatus } from '../bus/bus.ts';
import { isOpen } from '../domain/hours/is-open.ts';
import { DAY_KEYS, type DayKey } from '../domain/hours/local-time.ts';
import { ScheduleSchema } from '../domain/hours/schedule.ts';
import { IVR_DIGITS, RoutingPolicySchema } from '../domain/routing-policy/policy.ts';
import { type CallToPlan, planCall } from './engine.ts';
import { childrenOf, pathsOf, ROOT_PATH, stepAt } from './paths.ts';
import type { Plan, Step } from './plan.ts';

// Deeper than any valid policy can make: a 20-step cascade, its forward fallback and voicemail.
const MAX_DEPTH = 32;
// More than a menu of 12 keys repeated 4 times, or 20 intents asked twice, can hold.
const MAX_STEPS = 2000;

/** Visits every step of the plan, failing if it is deeper or larger than any valid policy makes. */
function walk(plan: Plan, visit: (step: Step, path: string) => void): void {
  const pending: [Step, string, number][] = [[plan.root, ROOT_PATH, 0]];
  let visited = 0;
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [step, path, depth] = entry;
    visited += 1;
    if (depth > MAX_DEPTH) throw new Error(`The plan is deeper than ${MAX_DEPTH} steps at ${path}.`);
    if (visited > MAX_STEPS) throw new Error(`The plan has more than ${MAX_STEPS} steps.`);
    visit(step, path);
    for (const [edge, child] of childrenOf(step)) pending.push([child, `${path}.${edge}`, depth + 1]);
  }
}

function stepsOf(plan: Plan): Map<string, Step> {
  const steps = new Map<string, Step>();
  walk(plan, (step, path) => steps.set(path, step));
  return steps;
}

const POOL = Array.from({ length: 6 }, (_, index) => `00000000-0000-4000-8000-00000000000${index}`);
const NUMBERS = ['+33612345678', '+33698765432', '+14155552671'];

const memberId = fc.constantFrom(...POOL);
const seconds = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });
const language = fc.constantFrom('fr', 'en');
const speech = fc.record({ text: fc.constantFrom('Bonjour.', 'Hello there.', 'We are closed.'), language });
const announcement = speech.map((said) => ({ kind: 'announcement', ...said }));
const forward = fc.record({ kind: fc.constant('forward'), to: fc.constantFrom(...NUMBERS) });
const voicemail = fc.constant({ kind: 'voicemail' });

const target = fc.oneof(
  fc.record({ kind: fc.constant('member'), memberId, ringSeconds: seconds(5, 120) }),
  fc.record({
    kind: fc.constant('members'),
    memberIds: fc.uniqueArray(memberId, { minLength: 1 }),
    ringSeconds: seconds(5, 120),
  }),
  voicemail,
  announcement,
  forward,
);
const fallback = fc.option(fc.oneof(voicemail, forward, announcement, fc.constant({ kind: 'hangup' })), {
  nil: undefined,
});
const words = ['service commercial', 'sales', 'support technique', 'facture', 'billing', 'rendez-vous'];

const policy = fc.oneof(
  fc.record({
    strategy: fc.constant('simultaneous'),
    members: fc.uniqueArray(memberId, { minLength: 1 }),
    ringSeconds: seconds(5, 120),
    fallback,
  }),
  fc.record({
    strategy: fc.constant('cascade'),
    steps: fc.uniqueArray(fc.record({ memberId, ringSeconds: seconds(5, 120) }), {
      minLength: 1,
      selector: (step) => step.memberId,
    }),
    fallback,
  }),
  fc.record({
    strategy: fc.constant('ivr'),
    greeting: speech,
    options: fc.uniqueArray(fc.record({ digit: fc.constantFrom(...IVR_DIGITS), target }), {
      minLength: 1,
      selector: (option) => option.digit,
    }),
    timeoutSeconds: seconds(3, 30),
    maxRetries: seconds(0, 3),
    fallback,
  }),
  fc.record({
    strategy: fc.constant('ai_receptionist'),
    greeting: speech,
    intents: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('Sales', 'Support', 'Billing', 'Jobs'),
        phrases: fc.record({ fr: fc.subarray(words, { minLength: 1 }), en: fc.subarray(words) }),
        target,
      }),
      { minLength: 1, selector: (intent) => intent.name },
    ),
    fallback,
  }),
);

// Shaped like the schedules of the hours tests: sorted unique boundaries paired into ranges.
const time = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const someHours = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).chain((edges) => {
  const sorted = [...edges].sort((a, b) => a - b);
  const ranges = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    ranges.push({ start: time(sorted[i]!), end: time(sorted[i + 1]!) });
  }
  return fc.record({
    enabled: ranges.length > 0 ? fc.boolean() : fc.constant(false),
    ranges: fc.constant(ranges),
  });
});
// Random hours are mostly closed; whole open days keep the in-hours rules well exercised.
const day = fc.oneof(someHours, fc.constant({ enabled: true, ranges: [{ start: '00:00', end: '24:00' }] }));
const schedule = fc
  .record({
    timeZone: fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'),
    days: fc.record(Object.fromEntries(DAY_KEYS.map((key) => [key, day])) as Record<DayKey, typeof day>),
    holidays: fc.subarray(['2026-01-01', '2026-05-01', '2026-07-14', '2026-12-25']),
    afterHours: fc.oneof(
      fc.record({ kind: fc.constant('voicemail'), greeting: fc.option(speech, { nil: undefined }) }),
      forward,
      announcement,
      fc.constant({ kind: 'ai_receptionist' }),
    ),
  })
  .map((raw) => ScheduleSchema.parse(raw));

const status = fc.constantFrom<PresenceStatus>('online', 'online', 'busy', 'offline');

const call: fc.Arbitrary<CallToPlan> = fc.record({
  policy: fc.option(
    policy.map((raw) => RoutingPolicySchema.parse(raw)),
    { nil: null, freq: 8 },
  ),
  schedule,
  instant: fc
    .integer({ min: Date.parse('2026-01-01T00:00Z'), max: Date.parse('2027-01-01T00:00Z') })
    .map((ms) => new Date(ms)),
  // Members missing from presence never reported; those missing from memberIds left the account.
  presence: fc.dictionary(memberId, status),
  memberIds: fc.shuffledSubarray(POOL),
  caller: fc.constantFrom(...NUMBERS, 'anonymous'),
});

const ringsOf = (plan: Plan) =>
  [...stepsOf(plan).values()].flatMap((step) => (step.kind === 'ring' ? [step] : []));

describe('planCall properties', () => {
  it('rings only online members of the account, each once per ring step', () => {
    fc.assert(
      fc.property(call, (input) => {
        for (const ring of ringsOf(planCall(input))) {
          expect(ring.memberIds.length).toBeGreaterThan(0);
          expect(new Set(ring.memberIds).size).toBe(ring.memberIds.length);
          for (const id of ring.memberIds) {
            expect(input.memberIds).toContain(id);
            expect(input.presence[id]).toBe('online');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never rings anyone outside business hours, and says when it planned for after hours', () => {
    fc.assert(
      fc.property(call, (input) => {
        const plan = planCall(input);
        const open = isOpen(input.schedule, input.instant);
        expect(plan.afterHours).toBe(!open);
        if (!open) expect(ringsOf(plan)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('rings, in hours, every available member a simultaneous or cascade policy names, in its order', () => {
    fc.assert(
      fc.property(call, (input) => {
        const { policy } = input;
        fc.pre(policy?.strategy === 'simultaneous' || policy?.strategy === 'cascade');
        fc.pre(isOpen(input.schedule, input.instant));
        const named =
          policy.strategy === 'simultaneous' ? policy.members : policy.steps.map((s) => s.memberId);
        const available = named.filter(
          (id) => input.memberIds.includes(id) && input.presence[id] === 'online',
        );
        expect(ringsOf(planCall(input)).flatMap((ring) => ring.memberIds)).toEqual(available);
      }),
    );
  });

  it('ends every branch in a voicemail or a hangup within a bounded depth', () => {
    fc.assert(
      fc.property(call, (input) => {
        walk(planCall(input), (step) => {
          if (childrenOf(step).length === 0) expect(['voicemail', 'hangup']).toContain(step.kind);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives every step one unique path that leads back to it', () => {
    fc.assert(
      fc.property(call, (input) => {
        const plan = planCall(input);
        const paths = pathsOf(plan);
        const steps = stepsOf(plan);
        expect(new Set(paths).size).toBe(paths.length);
        expect(paths.length).toBe(steps.size);
        for (const path of paths) {
          expect(path).toMatch(/^[0-9a-z.]+$/);
          expect(stepAt(plan, path)).toBe(steps.get(path));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('plans the same call the same way every time, as JSON-serialisable data', () => {
    fc.assert(
      fc.property(call, (input) => {
        const plan = planCall(input);
        expect(planCall(structuredClone(input))).toEqual(plan);
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
      }),
    );
  });
});
