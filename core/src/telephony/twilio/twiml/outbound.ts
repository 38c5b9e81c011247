import twilio from 'twilio';
import type { Language } from '../../../domain/routing-policy/fields.ts';
import type { E164 } from '../../../phone/e164.ts';
import { dialAttributes, LEG_EVENTS } from './dial.ts';
import { say } from './speech.ts';
import { CUSTOMER_LEG, OUTBOUND_PATH, webhookUrls } from './urls.ts';

export interface OutboundContext {
  base: string;
  callId: string;
  /** The account's number the customer sees. */
  callerId: string;
  to: E164;
  record: boolean;
  /** Said to the rep before the customer is dialled (call-me-first: "Connecting you…"). */
  greeting?: { text: string; language: Language };
}

/** The answer to a member's browser call: dial the customer, with the dial's end reported as path OUTBOUND_PATH. */
export function renderOutboundDial(ctx: OutboundContext): string {
  const response = new twilio.twiml.VoiceResponse();
  const urls = webhookUrls(ctx.base);
  if (ctx.greeting) say(response, ctx.greeting);
  const dial = response.dial(
    dialAttributes({
      urls,
      callId: ctx.callId,
      action: urls.dial(ctx.callId, OUTBOUND_PATH),
      callerId: ctx.callerId,
      record: ctx.record,
    }),
  );
  dial.number(
    { statusCallback: urls.leg(ctx.callId, CUSTOMER_LEG), statusCallbackEvent: LEG_EVENTS },
    ctx.to,
  );
  return response.toString();
}

export function renderHangup(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();
  return response.toString();
}

/** An empty response: on a member's leg, the answer claim's winner is bridged to the caller. */
export function renderEmpty(): string {
  return new twilio.twiml.VoiceResponse().toString();
}

/** Tells the caller why the call ends (e.g. "This number is not in service"), then hangs up. */
export function renderSay(text: string, language: Language): string {
  const response = new twilio.twiml.VoiceResponse();
  say(response, { text, language });
  response.hangup();
  return response.toString();
}
