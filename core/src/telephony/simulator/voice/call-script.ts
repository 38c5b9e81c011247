import { z } from 'zod';
import { CarrierError } from '../../errors.ts';
import { memberIdentity } from '../../twilio/webhooks/identity.ts';

/**
 * What the people on a simulated call do. Parties are named by member id (uuid), by client
 * identity (`m_…`, with or without `client:`), by phone number, or as `customer` for whoever
 * answers a <Number> leg (the callee of a browser call, an on-call forward).
 */
export interface CallScript {
  /** Who picks up when rung, possibly several racing; the same party answers every <Dial> that rings it. */
  answer?: ScriptedAnswer[];
  /** Parties that let it ring. Anyone not in `answer` lets it ring too; naming them documents the test. */
  noAnswerFrom?: string[];
  /** Parties whose line is busy: their leg fails at once. */
  busyFrom?: string[];
  /** One entry per <Gather> that accepts dtmf, in order; '' is a caller who presses nothing. */
  digits?: string[];
  /** One entry per speech-only <Gather> (or dtmf-and-speech once `digits` runs out); '' is silence. */
  speech?: string[];
  /** The message the caller leaves at the first <Record>; they hang up when done. */
  voicemail?: { seconds: number; transcript?: string };
  /** The caller hangs up this many seconds after the call starts, whatever is happening. */
  hangUpAfterSeconds?: number;
  /** How long a bridged conversation lasts before the callee hangs up (default 30). */
  talkSeconds?: number;
}

export interface ScriptedAnswer {
  by: string;
  /** Seconds of ringing before they pick up (default 3); at or past the <Dial> timeout they never do. */
  afterSeconds?: number;
}

/** A leg of a <Dial>: a browser dialer (<Client>) or a phone (<Number>). */
export interface Party {
  kind: 'client' | 'number';
  /** The client identity, or the number as dialed. */
  address: string;
}

export type CallerInput = { digits: string } | { speech: string } | null;

const DEFAULT_ANSWER_SECONDS = 3;
const DEFAULT_TALK_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const seconds = z.number().nonnegative();
const party = z.string().min(1);
const callScriptSchema = z.strictObject({
  answer: z.array(z.strictObject({ by: party, afterSeconds: seconds.optional() })).optional(),
  noAnswerFrom: z.array(party).optional(),
  busyFrom: z.array(party).optional(),
  digits: z.array(z.string().regex(/^[0-9*#]*$/, 'digits are 0-9, * and #')).optional(),
  speech: z.array(z.string()).optional(),
  voicemail: z.strictObject({ seconds: seconds, transcript: z.string().optional() }).optional(),
  hangUpAfterSeconds: seconds.optional(),
  talkSeconds: seconds.optional(),
});

/** The one spelling of a scripted party that legs are compared with. */
function canonical(by: string): string {
  if (UUID.test(by)) return memberIdentity(by);
  return by.startsWith('client:') ? by.slice('client:'.length) : by;
}

/**
 * The script as the call consumes it: gathers take the next digits or words, the first <Record>
 * takes the voicemail. Throws an `invalid` CarrierError naming the first bad field, or a party
 * scripted to do two incompatible things.
 */
export class ScriptPlayer {
  readonly talkSeconds: number;
  readonly hangUpAfterSeconds: number | undefined;
  readonly #answers: { by: string; afterSeconds: number }[];
  readonly #busy: Set<string>;
  readonly #digits: string[];
  readonly #speech: string[];
  #voicemail: CallScript['voicemail'];

  constructor(script: CallScript) {
    const parsed = callScriptSchema.safeParse(script);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CarrierError(
        'invalid',
        `The call script is invalid at ${issue?.path.join('.') || 'its root'}: ${issue?.message}.`,
      );
    }
    const valid = parsed.data;
    this.#answers = (valid.answer ?? []).map((answer) => ({
      by: canonical(answer.by),
      afterSeconds: answer.afterSeconds ?? DEFAULT_ANSWER_SECONDS,
    }));
    this.#busy = new Set((valid.busyFrom ?? []).map(canonical));
    const answering = new Set(this.#answers.map((answer) => answer.by));
    for (const [field, names] of [
      ['noAnswerFrom', valid.noAnswerFrom ?? []],
      ['busyFrom', valid.busyFrom ?? []],
    ] as const) {
      const clash = names.find((name) => answering.has(canonical(name)));
      if (clash) {
        throw new CarrierError('invalid', `The call script has ${clash} both in answer and in ${field}.`);
      }
    }
    this.#digits = [...(valid.digits ?? [])];
    this.#speech = [...(valid.speech ?? [])];
    this.#voicemail = valid.voicemail;
    this.talkSeconds = valid.talkSeconds ?? DEFAULT_TALK_SECONDS;
    this.hangUpAfterSeconds = valid.hangUpAfterSeconds;
  }

  /** Seconds of ringing before this party picks up, or undefined when they do not. */
  answerDelay(leg: Party): number | undefined {
    return this.#answers.find((answer) => names(answer.by, leg))?.afterSeconds;
  }

  isBusy(leg: Party): boolean {
    return [...this.#busy].some((by) => names(by, leg));
  }

  /** What the caller does at a <Gather>: digits when it takes dtmf and some are scripted, else speech. */
  nextInput(accepts: { dtmf: boolean; speech: boolean }): CallerInput {
    if (accepts.dtmf && this.#digits.length > 0) {
      const digits = this.#digits.shift() as string;
      return digits === '' ? null : { digits };
    }
    if (accepts.speech && this.#speech.length > 0) {
      const speech = this.#speech.shift() as string;
      return speech.trim() === '' ? null : { speech };
    }
    return null;
  }

  /** The voicemail, once: a second <Record> in the same call hears silence. */
  takeVoicemail(): CallScript['voicemail'] {
    const voicemail = this.#voicemail;
    this.#voicemail = undefined;
    return voicemail;
  }
}

function names(by: string, leg: Party): boolean {
  if (leg.kind === 'number') return by === 'customer' || by === leg.address;
  return by === leg.address;
}
