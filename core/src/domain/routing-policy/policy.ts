import { z } from 'zod';
import { GreetingSchema, LanguageSchema, phoneNumber, spokenText } from './fields.ts';

export const MAX_SIMULTANEOUS_MEMBERS = 50;
export const MAX_CASCADE_STEPS = 20;
export const MAX_INTENTS = 20;
export const MAX_PHRASES_PER_LANGUAGE = 50;

const MemberIdSchema = z.uuid({
  error: 'Each member id must be the id (a UUID) of a member of this account.',
});

function ringSeconds(byDefault: number) {
  const message = 'Ring time must be a whole number of seconds between 5 and 120.';
  return z.int({ error: message }).min(5, message).max(120, message).default(byDefault);
}

/**
 * Reports every item whose key repeats an earlier one, at `path(index)` of the repeat, so the
 * form can point at the entry to change rather than at the whole list.
 */
function noRepeats<T>(
  key: (item: T) => string,
  path: (index: number) => (string | number)[],
  message: (repeat: number, first: number, item: T) => string,
) {
  return (items: T[], ctx: z.RefinementCtx<T[]>) => {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const first = firstIndex.get(key(item));
      if (first === undefined) firstIndex.set(key(item), index);
      else ctx.addIssue({ code: 'custom', path: path(index), message: message(index + 1, first + 1, item) });
    });
  };
}

const VoicemailSchema = z.object({ kind: z.literal('voicemail') });
const AnnouncementSchema = z.object({
  kind: z.literal('announcement'),
  text: spokenText('The announcement'),
  language: LanguageSchema,
});
const ForwardSchema = z.object({ kind: z.literal('forward'), to: phoneNumber('The forwarding number') });

/** Where an IVR key or an AI receptionist intent sends the call. */
export const TargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('member'), memberId: MemberIdSchema, ringSeconds: ringSeconds(20) }),
    z.object({
      kind: z.literal('members'),
      memberIds: z
        .array(MemberIdSchema, { error: 'List the members to ring as memberIds.' })
        .min(1, 'Add at least one member to ring.')
        .max(
          MAX_SIMULTANEOUS_MEMBERS,
          `Ring at most ${MAX_SIMULTANEOUS_MEMBERS} members at once: remove some.`,
        )
        .superRefine(
          noRepeats(
            (id) => id,
            (index) => [index],
            (repeat, first) => `Member ${repeat} is the same as member ${first}: list each member once.`,
          ),
        ),
      ringSeconds: ringSeconds(20),
    }),
    VoicemailSchema,
    AnnouncementSchema,
    ForwardSchema,
  ],
  { error: 'Choose where the call goes: kind member, members, voicemail, announcement or forward.' },
);
export type Target = z.infer<typeof TargetSchema>;

/** What happens when nobody answers or the caller gives no usable answer. */
export const FallbackSchema = z.discriminatedUnion(
  'kind',
  [VoicemailSchema, ForwardSchema, AnnouncementSchema, z.object({ kind: z.literal('hangup') })],
  { error: 'Choose what happens when nobody answers: kind voicemail, forward, announcement or hangup.' },
);
export type Fallback = z.infer<typeof FallbackSchema>;

const fallback = FallbackSchema.default({ kind: 'voicemail' });

const SimultaneousSchema = z.object({
  strategy: z.literal('simultaneous'),
  members: z
    .array(MemberIdSchema, { error: 'List the members to ring.' })
    .min(1, 'Add at least one member to ring.')
    .max(
      MAX_SIMULTANEOUS_MEMBERS,
      `Ring at most ${MAX_SIMULTANEOUS_MEMBERS} members at once: remove some or use a cascade.`,
    )
    .superRefine(
      noRepeats(
        (id) => id,
        (index) => [index],
        (repeat, first) => `Member ${repeat} is the same as member ${first}: list each member once.`,
      ),
    ),
  ringSeconds: ringSeconds(20),
  fallback,
});

const CascadeSchema = z.object({
  strategy: z.literal('cascade'),
  steps: z
    .array(z.object({ memberId: MemberIdSchema, ringSeconds: ringSeconds(15) }), {
      error: 'List the cascade steps, each with a memberId.',
    })
    .min(1, 'Add at least one step to the cascade.')
    .max(MAX_CASCADE_STEPS, `A cascade has at most ${MAX_CASCADE_STEPS} steps: remove some.`)
    .superRefine(
      noRepeats(
        (step) => step.memberId,
        (index) => [index, 'memberId'],
        (repeat, first) =>
          `Step ${repeat} rings the same member as step ${first}: each member can appear once in a cascade.`,
      ),
    ),
  fallback,
});

export const IVR_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const;

const IvrSchema = z.object({
  strategy: z.literal('ivr'),
  greeting: GreetingSchema,
  options: z
    .array(
      z.object({
        digit: z.enum(IVR_DIGITS, { error: 'Each option needs a key: a digit 0 to 9, * or #.' }),
        target: TargetSchema,
      }),
      { error: 'List the menu options, each with a digit and a target.' },
    )
    .min(1, 'Add at least one menu option.')
    .max(IVR_DIGITS.length, `A menu has at most ${IVR_DIGITS.length} options, one per key.`)
    .superRefine(
      noRepeats(
        (option) => option.digit,
        (index) => [index, 'digit'],
        (repeat, first, option) =>
          `Key ${option.digit} is already used by option ${first}: give option ${repeat} its own key.`,
      ),
    ),
  timeoutSeconds: z
    .int({ error: 'The wait for a key press must be a whole number of seconds between 3 and 30.' })
    .min(3, 'The wait for a key press must be a whole number of seconds between 3 and 30.')
    .max(30, 'The wait for a key press must be a whole number of seconds between 3 and 30.')
    .default(6),
  maxRetries: z
    .int({ error: 'The menu can be repeated 0 to 3 times.' })
    .min(0, 'The menu can be repeated 0 to 3 times.')
    .max(3, 'The menu can be repeated 0 to 3 times.')
    .default(2),
  fallback,
});

function phrases(language: string) {
  return z
    .array(
      z
        .string({ error: `Each phrase in ${language} must be text.` })
        .trim()
        .min(1, `A phrase in ${language} is empty: write what a caller might say, or remove it.`)
        .max(200, `A phrase in ${language} is longer than 200 characters: shorten it.`),
      { error: `Give the ${language} phrases as a list.` },
    )
    .max(
      MAX_PHRASES_PER_LANGUAGE,
      `An intent has at most ${MAX_PHRASES_PER_LANGUAGE} ${language} phrases: keep the most typical ones.`,
    )
    .default([]);
}

const IntentSchema = z.object({
  name: z
    .string({ error: 'Give the intent a name, such as "Sales".' })
    .trim()
    .min(1, 'Give the intent a name, such as "Sales".')
    .max(60, 'An intent name is at most 60 characters: shorten it.'),
  phrases: z
    .object(
      { fr: phrases('French'), en: phrases('English') },
      { error: 'Give the phrases as { fr: [...], en: [...] }.' },
    )
    .superRefine(({ fr, en }, ctx) => {
      if (fr.length + en.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'Add at least one phrase a caller might say for this intent, in French or English.',
        });
      }
    }),
  target: TargetSchema,
});

const AiReceptionistSchema = z.object({
  strategy: z.literal('ai_receptionist'),
  greeting: GreetingSchema,
  intents: z
    .array(IntentSchema, { error: 'List the intents the receptionist should recognise.' })
    .min(1, 'Add at least one intent for the receptionist to recognise.')
    .max(MAX_INTENTS, `The receptionist handles at most ${MAX_INTENTS} intents: merge some.`)
    .superRefine(
      noRepeats(
        // Names differing only in case would read as the same intent in reports.
        (intent) => intent.name.toLowerCase(),
        (index) => [index, 'name'],
        (repeat, first, intent) =>
          `Intent ${repeat} has the same name as intent ${first} ("${intent.name}"): give each intent its own name.`,
      ),
    ),
  fallback,
});

/** How calls to one number are distributed while it is open. */
export const RoutingPolicySchema = z.discriminatedUnion(
  'strategy',
  [SimultaneousSchema, CascadeSchema, IvrSchema, AiReceptionistSchema],
  { error: 'Choose a routing strategy: simultaneous, cascade, ivr or ai_receptionist.' },
);
export type RoutingPolicy = z.infer<typeof RoutingPolicySchema>;
export type RoutingPolicyInput = z.input<typeof RoutingPolicySchema>;
export type RoutingStrategy = RoutingPolicy['strategy'];
