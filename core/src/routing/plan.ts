import type { Language } from '../domain/routing-policy/fields.ts';
import type { IVR_DIGITS } from '../domain/routing-policy/policy.ts';
import type { E164 } from '../phone/e164.ts';

/**
 * A call plan: a finite tree of steps, plain data so that it can be stored as JSON with the call
 * and resumed by any instance from a step path (see paths.ts). Every branch ends in a voicemail
 * or a hangup; ring and forward steps always say where an unanswered call goes next.
 */
export interface Plan {
  /** Planned outside business hours: the call record's result is then `after_hours`. */
  afterHours: boolean;
  root: Step;
}

export type Step = RingStep | SayStep | GatherStep | ForwardStep | VoicemailStep | HangupStep;

export interface Speech {
  text: string;
  language: Language;
}

/** Rings every listed member at once; the first to answer takes the call. */
export interface RingStep {
  kind: 'ring';
  /** Never empty: a ring with nobody available is left out of the plan. */
  memberIds: string[];
  ringSeconds: number;
  onNoAnswer: Step;
}

export interface SayStep {
  kind: 'say';
  text: string;
  language: Language;
  next: Step;
}

export type MenuKey = (typeof IVR_DIGITS)[number];

export interface IntentBranch {
  name: string;
  phrases: { fr: string[]; en: string[] };
  next: Step;
}

/**
 * Plays `prompt` while listening for keys or speech, then branches. A repeat of the menu is
 * another gather node under `otherwise`, so the tree stays finite. No input and an input that
 * matches nothing share `otherwise` (the latter after `noMatchNotice`) so that each retry adds
 * one node rather than doubling the tree.
 */
export interface GatherStep {
  kind: 'gather';
  input: 'dtmf' | 'speech' | 'dtmf speech';
  prompt: Speech;
  /** The language speech is recognised in. */
  language: Language;
  timeoutSeconds: number;
  numDigits?: number;
  digits?: Partial<Record<MenuKey, Step>>;
  intents?: IntentBranch[];
  /** Said when the caller's keys or words match no branch, before going on to `otherwise`. */
  noMatchNotice?: Speech;
  otherwise: Step;
}

export interface ForwardStep {
  kind: 'forward';
  to: E164;
  ringSeconds: number;
  onNoAnswer: Step;
}

export interface VoicemailStep {
  kind: 'voicemail';
  /** Absent: the carrier adapter's default greeting in the account's language. */
  greeting?: Speech;
}

export interface HangupStep {
  kind: 'hangup';
}
