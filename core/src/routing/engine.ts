import type { PresenceStatus } from '../bus/bus.ts';
import { isOpen } from '../domain/hours/is-open.ts';
import type { AfterHours, Schedule } from '../domain/hours/schedule.ts';
import type { Fallback, RoutingPolicy, Target } from '../domain/routing-policy/policy.ts';
import type { E164 } from '../phone/e164.ts';
import type { GatherStep, IntentBranch, MenuKey, Plan, Speech, Step } from './plan.ts';
import { spoken } from './spoken.ts';

/** Policies give no ring time for external numbers; Twilio's own `<Dial>` default. */
export const FORWARD_RING_SECONDS = 30;
/** Silence after which a speech gather gives up listening. */
export const SPEECH_TIMEOUT_SECONDS = 5;

export interface CallToPlan {
  /** The number's routing policy; null when none was ever saved. */
  policy: RoutingPolicy | null;
  schedule: Schedule;
  instant: Date;
  presence: Record<string, PresenceStatus>;
  /** The account's current members: anyone else named by the policy has left and is never rung. */
  memberIds: string[];
  /** The caller's number, E.164 when the carrier knows it. */
  caller: string;
  /** The member the number belongs to: rung when no policy was saved. */
  assignedMemberId?: string | null | undefined;
}

/** How long a number without a policy rings its member before voicemail. */
export const DEFAULT_RING_SECONDS = 20;

interface Rules {
  afterHours: boolean;
  caller: string;
  canRing(memberId: string): boolean;
}

type Policy<S extends RoutingPolicy['strategy']> = Extract<RoutingPolicy, { strategy: S }>;

// A function, not a shared constant, so that no plan holds an object another plan also holds.
const voicemail = (): Step => ({ kind: 'voicemail' });

/**
 * Turns a number's routing policy into the plan for one inbound call. Pure: the same input always
 * gives a deep-equal plan. Outside business hours the schedule's after-hours behaviour applies
 * whatever the policy; in hours a number without a policy rings its member (as the console says),
 * then voicemail.
 */
export function planCall(input: CallToPlan): Plan {
  const afterHours = !isOpen(input.schedule, input.instant);
  const members = new Set(input.memberIds);
  const rules: Rules = {
    afterHours,
    caller: input.caller,
    canRing: (memberId) => !afterHours && members.has(memberId) && input.presence[memberId] === 'online',
  };
  if (afterHours) return { afterHours, root: afterHoursStep(input.schedule.afterHours, input.policy, rules) };
  if (input.policy) return { afterHours, root: policyStep(input.policy, rules) };
  const owner = input.assignedMemberId;
  return { afterHours, root: owner ? ring([owner], DEFAULT_RING_SECONDS, voicemail(), rules) : voicemail() };
}

function policyStep(policy: RoutingPolicy, rules: Rules): Step {
  switch (policy.strategy) {
    case 'simultaneous':
      return ring(policy.members, policy.ringSeconds, fallbackStep(policy.fallback, rules), rules);
    case 'cascade':
      return policy.steps.reduceRight<Step>(
        (next, step) => ring([step.memberId], step.ringSeconds, next, rules),
        fallbackStep(policy.fallback, rules),
      );
    case 'ivr':
      return menu(policy, rules);
    case 'ai_receptionist':
      return receptionist(policy, rules);
  }
}

function afterHoursStep(afterHours: AfterHours, policy: RoutingPolicy | null, rules: Rules): Step {
  switch (afterHours.kind) {
    case 'voicemail':
      return afterHours.greeting ? { kind: 'voicemail', greeting: speech(afterHours.greeting) } : voicemail();
    case 'forward':
      return forward(afterHours.to, voicemail(), rules);
    case 'announcement':
      return announce(afterHours);
    case 'ai_receptionist':
      // The receptionist's intents live in the policy; without them there is nothing to listen for.
      return policy?.strategy === 'ai_receptionist' ? receptionist(policy, rules) : voicemail();
  }
}

/** Rings the members that can take a call now, or goes straight on when there are none. */
function ring(memberIds: string[], ringSeconds: number, onNoAnswer: Step, rules: Rules): Step {
  const available = memberIds.filter(rules.canRing);
  return available.length > 0 ? { kind: 'ring', memberIds: available, ringSeconds, onNoAnswer } : onNoAnswer;
}

function forward(to: E164, onNoAnswer: Step, rules: Rules): Step {
  // Ringing the caller's own phone while they call would only ever be busy.
  if (to === rules.caller) return onNoAnswer;
  return { kind: 'forward', to, ringSeconds: FORWARD_RING_SECONDS, onNoAnswer };
}

function announce(announcement: Speech): Step {
  return { kind: 'say', text: announcement.text, language: announcement.language, next: { kind: 'hangup' } };
}

function fallbackStep(fallback: Fallback, rules: Rules): Step {
  switch (fallback.kind) {
    case 'voicemail':
      return voicemail();
    case 'hangup':
      return { kind: 'hangup' };
    case 'announcement':
      return announce(fallback);
    case 'forward':
      return forward(fallback.to, voicemail(), rules);
  }
}

/** Where an IVR key or an intent leads; `fallback` takes the call when nobody answers. */
function targetStep(target: Target, fallback: Step, rules: Rules): Step {
  switch (target.kind) {
    case 'member':
    case 'members':
      // Out of hours nobody is on duty, but the caller who asked for someone can leave them a message.
      if (rules.afterHours) return voicemail();
      return ring(
        target.kind === 'member' ? [target.memberId] : target.memberIds,
        target.ringSeconds,
        fallback,
        rules,
      );
    case 'voicemail':
      return voicemail();
    case 'announcement':
      return announce(target);
    case 'forward':
      return forward(target.to, fallback, rules);
  }
}

/** The menu, then `maxRetries` repeats of it, each after a timeout or an invalid key, then the fallback. */
function menu(policy: Policy<'ivr'>, rules: Rules): Step {
  const fallback = fallbackStep(policy.fallback, rules);
  const { language } = policy.greeting;
  const digits: Partial<Record<MenuKey, Step>> = {};
  for (const option of policy.options) digits[option.digit] = targetStep(option.target, fallback, rules);
  let step = fallback;
  for (let attempt = 0; attempt <= policy.maxRetries; attempt += 1) {
    step = {
      kind: 'gather',
      input: 'dtmf',
      prompt: speech(policy.greeting),
      language,
      timeoutSeconds: policy.timeoutSeconds,
      numDigits: 1,
      digits,
      noMatchNotice: spoken('invalidChoice', language),
      otherwise: step,
    };
  }
  return step;
}

/** Listens for an intent, asks once more when it hears none, then falls back. */
function receptionist(policy: Policy<'ai_receptionist'>, rules: Rules): Step {
  const fallback = fallbackStep(policy.fallback, rules);
  const { language } = policy.greeting;
  const intents: IntentBranch[] = policy.intents.map((intent) => ({
    name: intent.name,
    phrases: { fr: [...intent.phrases.fr], en: [...intent.phrases.en] },
    next: targetStep(intent.target, fallback, rules),
  }));
  const listen = (prompt: Speech, otherwise: Step): GatherStep => ({
    kind: 'gather',
    input: 'speech',
    prompt,
    language,
    timeoutSeconds: SPEECH_TIMEOUT_SECONDS,
    intents,
    otherwise,
  });
  return listen(speech(policy.greeting), listen(spoken('askAgain', language), fallback));
}

function speech({ text, language }: Speech): Speech {
  return { text, language };
}
