import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { Language } from '../../../domain/routing-policy/fields.ts';
import {
  type ForwardStep,
  type GatherStep,
  nextPath,
  type RingStep,
  type Speech,
  type Step,
  type VoicemailStep,
} from '../../../routing/index.ts';
import { memberIdentity } from '../webhooks/identity.ts';
import { dialAttributes, LEG_EVENTS, RECORDING_EVENTS } from './dial.ts';
import { defaultVoicemailGreeting, say, twilioLocale } from './speech.ts';
import { FORWARD_LEG, type WebhookUrls, webhookUrls } from './urls.ts';

export interface StepContext {
  /** PUBLIC_URL, under which every webhook of the scheme lives. */
  base: string;
  callId: string;
  /** The step's path in the call's plan, carried by every action URL so any instance can continue. */
  path: string;
  /** The E.164 number members or the forwarded party see as calling. */
  callerId: string;
  record: boolean;
  /** The account's language, for what Parley says on its own (the default voicemail greeting). */
  language: Language;
  /** Said before the step, e.g. the no-match notice afterGather returns with the gather's next path. */
  notice?: Speech;
}

/** Voicemails longer than two minutes cannot be transcribed by Twilio (warning 13617). */
const VOICEMAIL_MAX_SECONDS = 120;
/**
 * Twilio accepts up to 500 hints of at most 100 characters each (warning 13330); Parley also keeps
 * the whole attribute within 500 characters, which bounds what each gather adds to the request.
 */
const HINT_MAX_CHARS = 100;
const HINTS_MAX_CHARS = 500;

const GATHER_INPUTS: Record<GatherStep['input'], NonNullable<VoiceResponse.GatherAttributes['input']>> = {
  dtmf: ['dtmf'],
  speech: ['speech'],
  'dtmf speech': ['dtmf', 'speech'],
};

/** The TwiML document for one step of a call's plan. Pure: only `ctx` and `step` decide it. */
export function renderStep(ctx: StepContext, step: Step): string {
  const response = new twilio.twiml.VoiceResponse();
  const urls = webhookUrls(ctx.base);
  if (ctx.notice) say(response, ctx.notice);
  switch (step.kind) {
    case 'ring':
      ring(response, urls, ctx, step);
      break;
    case 'say':
      say(response, step);
      response.redirect({ method: 'POST' }, urls.step(ctx.callId, nextPath(ctx.path)));
      break;
    case 'gather':
      gather(response, urls, ctx, step);
      break;
    case 'forward':
      forward(response, urls, ctx, step);
      break;
    case 'voicemail':
      voicemail(response, urls, ctx, step);
      break;
    case 'hangup':
      response.hangup();
      break;
  }
  return response.toString();
}

/** The <Dial> of a ring or forward step: its end is reported to this step's path. */
function stepDial(response: VoiceResponse, urls: WebhookUrls, ctx: StepContext, ringSeconds: number) {
  return response.dial(
    dialAttributes({
      urls,
      callId: ctx.callId,
      action: urls.dial(ctx.callId, ctx.path),
      callerId: ctx.callerId,
      record: ctx.record,
      timeout: ringSeconds,
    }),
  );
}

/**
 * Rings every member's browser dialer at once; Twilio hangs up the others when one is bridged. The
 * <Client url> runs on the answering leg before the bridge, so that the server can let exactly one
 * member take the call even when several pick up at the same moment.
 *
 * Twilio documents a limit of 10 <Number> nouns per <Dial> and none for <Client>; every member is
 * rendered, and a team ringing more than 10 at once should be watched for Twilio refusing the dial.
 */
function ring(response: VoiceResponse, urls: WebhookUrls, ctx: StepContext, step: RingStep): void {
  const dial = stepDial(response, urls, ctx, step.ringSeconds);
  for (const memberId of step.memberIds) {
    dial.client(
      {
        url: urls.answer(ctx.callId, memberId),
        statusCallback: urls.leg(ctx.callId, memberId),
        statusCallbackEvent: LEG_EVENTS,
      },
      memberIdentity(memberId),
    );
  }
}

/**
 * actionOnEmptyResult makes Twilio post to the action after a silent timeout too, so that the
 * server, not TwiML after the <Gather>, decides where the call goes. finishOnKey is empty because
 * # may be a menu key.
 */
function gather(response: VoiceResponse, urls: WebhookUrls, ctx: StepContext, step: GatherStep): void {
  const listensToSpeech = step.input !== 'dtmf';
  const attributes: VoiceResponse.GatherAttributes = {
    input: GATHER_INPUTS[step.input],
    action: urls.gather(ctx.callId, ctx.path),
    method: 'POST',
    actionOnEmptyResult: true,
    timeout: step.timeoutSeconds,
    language: twilioLocale(step.language),
    finishOnKey: '',
  };
  if (step.numDigits !== undefined) attributes.numDigits = step.numDigits;
  if (listensToSpeech) {
    attributes.speechTimeout = 'auto';
    const hints = speechHints(step);
    if (hints) attributes.hints = hints;
  }
  say(response.gather(attributes), step.prompt);
}

/**
 * The intents' phrases in the language listened for, as Twilio's comma-separated hints: commas
 * inside a phrase would split it, so they become spaces. Phrases over a cap are left out;
 * recognition still works without a hint.
 */
function speechHints(step: GatherStep): string | undefined {
  const phrases = new Set<string>();
  for (const intent of step.intents ?? []) {
    for (const phrase of intent.phrases[step.language]) {
      const clean = phrase.replaceAll(',', ' ').replace(/\s+/g, ' ').trim();
      if (clean && clean.length <= HINT_MAX_CHARS) phrases.add(clean);
    }
  }
  let hints = '';
  for (const phrase of phrases) {
    const longer = hints ? `${hints}, ${phrase}` : phrase;
    if (longer.length <= HINTS_MAX_CHARS) hints = longer;
  }
  return hints || undefined;
}

function forward(response: VoiceResponse, urls: WebhookUrls, ctx: StepContext, step: ForwardStep): void {
  const dial = stepDial(response, urls, ctx, step.ringSeconds);
  dial.number(
    { statusCallback: urls.leg(ctx.callId, FORWARD_LEG), statusCallbackEvent: LEG_EVENTS },
    step.to,
  );
}

function voicemail(response: VoiceResponse, urls: WebhookUrls, ctx: StepContext, step: VoicemailStep): void {
  say(response, step.greeting ?? defaultVoicemailGreeting(ctx.language));
  response.record({
    maxLength: VOICEMAIL_MAX_SECONDS,
    playBeep: true,
    finishOnKey: '#',
    action: urls.voicemail(ctx.callId),
    transcribe: true,
    transcribeCallback: urls.transcription(ctx.callId),
    recordingStatusCallback: urls.recording(ctx.callId),
    recordingStatusCallbackEvent: RECORDING_EVENTS,
  });
}
