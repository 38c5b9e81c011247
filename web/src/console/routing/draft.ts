import type { Fallback, PhoneNumber, RoutingPolicy, Target } from '../types.ts';

export type Strategy = RoutingPolicy['strategy'];
export const STRATEGIES: readonly Strategy[] = ['simultaneous', 'cascade', 'ivr', 'ai_receptionist'];
export type TargetKind = Target['kind'];
export const TARGET_KINDS: readonly TargetKind[] = [
  'member',
  'members',
  'voicemail',
  'announcement',
  'forward',
];
export type FallbackKind = Fallback['kind'];
export const FALLBACK_KINDS: readonly FallbackKind[] = ['voicemail', 'hangup', 'forward', 'announcement'];
export type Language = 'fr' | 'en';

/**
 * Every field any target kind may need, kept while the admin switches kinds so nothing typed is
 * lost; only the chosen kind's fields are sent.
 */
export interface TargetDraft {
  kind: TargetKind | 'hangup';
  memberId: string;
  memberIds: string[];
  ringSeconds: string;
  text: string;
  language: Language;
  to: string;
}

export interface Step {
  memberId: string;
  ringSeconds: string;
}

export interface OptionDraft {
  digit: string;
  target: TargetDraft;
}

/** Phrases are edited one per line: what an admin types in a text box, not a list widget per phrase. */
export interface IntentDraft {
  name: string;
  phrasesFr: string;
  phrasesEn: string;
  target: TargetDraft;
}

/** What the routing form edits; kept whole while switching strategy so nothing typed is lost. */
export interface Draft {
  strategy: Strategy;
  members: string[];
  ringSeconds: string;
  steps: Step[];
  greeting: { text: string; language: Language };
  options: OptionDraft[];
  timeoutSeconds: string;
  maxRetries: string;
  intents: IntentDraft[];
  fallback: TargetDraft;
}

export function emptyTarget(language: Language, memberId = ''): TargetDraft {
  return { kind: 'voicemail', memberId, memberIds: [], ringSeconds: '20', text: '', language, to: '' };
}

function targetDraftOf(target: Target | Fallback, language: Language): TargetDraft {
  const draft: TargetDraft = { ...emptyTarget(language), kind: target.kind };
  switch (target.kind) {
    case 'member':
      return { ...draft, memberId: target.memberId, ringSeconds: String(target.ringSeconds) };
    case 'members':
      return { ...draft, memberIds: target.memberIds, ringSeconds: String(target.ringSeconds) };
    case 'announcement':
      return { ...draft, text: target.text, language: target.language };
    case 'forward':
      return { ...draft, to: target.to };
    default:
      return draft;
  }
}

export function draftOf(policy: RoutingPolicy | null, number: PhoneNumber, language: Language): Draft {
  const assigned = number.assignedMemberId ?? '';
  const base: Draft = {
    strategy: 'simultaneous',
    members: assigned ? [assigned] : [],
    ringSeconds: '20',
    steps: [],
    greeting: { text: '', language },
    options: [{ digit: '1', target: { ...emptyTarget(language, assigned), kind: 'member' } }],
    timeoutSeconds: '6',
    maxRetries: '2',
    intents: [
      {
        name: '',
        phrasesFr: '',
        phrasesEn: '',
        target: { ...emptyTarget(language, assigned), kind: 'member' },
      },
    ],
    fallback: policy ? targetDraftOf(policy.fallback, language) : emptyTarget(language),
  };
  switch (policy?.strategy) {
    case undefined:
      return base;
    case 'simultaneous':
      return { ...base, members: policy.members, ringSeconds: String(policy.ringSeconds) };
    case 'cascade':
      return {
        ...base,
        strategy: 'cascade',
        steps: policy.steps.map((s) => ({ memberId: s.memberId, ringSeconds: String(s.ringSeconds) })),
      };
    case 'ivr':
      return {
        ...base,
        strategy: 'ivr',
        greeting: policy.greeting,
        options: policy.options.map((o) => ({ digit: o.digit, target: targetDraftOf(o.target, language) })),
        timeoutSeconds: String(policy.timeoutSeconds),
        maxRetries: String(policy.maxRetries),
      };
    case 'ai_receptionist':
      return {
        ...base,
        strategy: 'ai_receptionist',
        greeting: policy.greeting,
        intents: policy.intents.map((i) => ({
          name: i.name,
          phrasesFr: i.phrases.fr.join('\n'),
          phrasesEn: i.phrases.en.join('\n'),
          target: targetDraftOf(i.target, language),
        })),
      };
  }
}

/** Whole numbers typed by the admin go as numbers; anything else goes as typed for the API to explain. */
export const seconds = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text);

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The chosen kind's fields only, in the API's shape. */
export function targetBody(target: TargetDraft): Record<string, unknown> {
  switch (target.kind) {
    case 'member':
      return { kind: 'member', memberId: target.memberId, ringSeconds: seconds(target.ringSeconds) };
    case 'members':
      return { kind: 'members', memberIds: target.memberIds, ringSeconds: seconds(target.ringSeconds) };
    case 'announcement':
      return { kind: 'announcement', text: target.text, language: target.language };
    case 'forward':
      return { kind: 'forward', to: target.to };
    default:
      return { kind: target.kind };
  }
}

/** The body of `PUT /api/numbers/:id/routing` for the chosen strategy. */
export function bodyOf(d: Draft): Record<string, unknown> {
  const fallback = targetBody(d.fallback);
  switch (d.strategy) {
    case 'simultaneous':
      return { strategy: d.strategy, members: d.members, ringSeconds: seconds(d.ringSeconds), fallback };
    case 'cascade':
      return {
        strategy: d.strategy,
        steps: d.steps.map((s) => ({ memberId: s.memberId, ringSeconds: seconds(s.ringSeconds) })),
        fallback,
      };
    case 'ivr':
      return {
        strategy: d.strategy,
        greeting: d.greeting,
        options: d.options.map((o) => ({ digit: o.digit, target: targetBody(o.target) })),
        timeoutSeconds: seconds(d.timeoutSeconds),
        maxRetries: seconds(d.maxRetries),
        fallback,
      };
    case 'ai_receptionist':
      return {
        strategy: d.strategy,
        greeting: d.greeting,
        intents: d.intents.map((i) => ({
          name: i.name,
          phrases: { fr: lines(i.phrasesFr), en: lines(i.phrasesEn) },
          target: targetBody(i.target),
        })),
        fallback,
      };
  }
}

/**
 * The first API field error at `path` or under it: a phrase box shows the error of any of its
 * lines (`intents.0.phrases.fr.2`), as the lines have no field of their own.
 */
export function errorUnder(fields: Record<string, string> | undefined, path: string): string | undefined {
  if (!fields) return undefined;
  if (fields[path]) return fields[path];
  const key = Object.keys(fields).find((k) => k.startsWith(`${path}.`));
  return key ? fields[key] : undefined;
}

/** The next key not yet used in the menu, in keypad order. */
export function nextDigit(options: OptionDraft[]): string | null {
  const used = new Set(options.map((o) => o.digit));
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'].find((d) => !used.has(d)) ?? null;
}
