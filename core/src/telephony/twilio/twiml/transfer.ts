import twilio from 'twilio';
import { memberIdentity } from '../webhooks/identity.ts';
import { LEG_EVENTS } from './dial.ts';
import { FORWARD_LEG, webhookUrls } from './urls.ts';

export type TransferTarget = { kind: 'member'; memberId: string } | { kind: 'number'; e164: string };

export interface TransferContext {
  base: string;
  callId: string;
  /** The account's number the target sees calling. */
  callerId: string;
  target: TransferTarget;
}

/**
 * The TwiML a live customer leg is redirected to: ring the target, report its leg like any
 * other, and hang up when it ends. No answer hook: the call's answer claim is already taken by
 * the member handing it over, and the target is the only one rung.
 */
export function renderTransfer(ctx: TransferContext): string {
  const response = new twilio.twiml.VoiceResponse();
  const urls = webhookUrls(ctx.base);
  const dial = response.dial({ answerOnBridge: true, callerId: ctx.callerId });
  if (ctx.target.kind === 'member')
    dial.client(
      { statusCallback: urls.leg(ctx.callId, ctx.target.memberId), statusCallbackEvent: LEG_EVENTS },
      memberIdentity(ctx.target.memberId),
    );
  else
    dial.number(
      { statusCallback: urls.leg(ctx.callId, FORWARD_LEG), statusCallbackEvent: LEG_EVENTS },
      ctx.target.e164,
    );
  return response.toString();
}
