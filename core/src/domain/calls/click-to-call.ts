import { randomUUID } from 'node:crypto';
import { AppError, fieldError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { sql } from '../../store/sql.ts';
import type { CallScript } from '../../telephony/simulator/voice/call-script.ts';
import {
  newSid,
  simulateOutboundApiCall,
  simulateOutboundBrowserCall,
} from '../../telephony/simulator/voice/index.ts';
import { webhookUrls } from '../../telephony/twilio/twiml/urls.ts';
import { memberIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import { getAccount } from '../accounts/accounts.ts';
import { requireFeature } from '../accounts/plans.ts';
import { callerIdFor, dialableNumber, startOutboundCall } from './outbound.ts';

export type ClickToCallMode = 'browser' | 'call_me_first';

export type ClickToCall =
  | { mode: 'browser'; to: string; callerId: string; connectParams: Record<string, string> }
  | { mode: 'call_me_first'; to: string; callerId: string; callId: string; callSid: string; ringing: string }
  | { mode: 'simulated'; to: string; callerId: string; callId?: string; callSid: string };

interface Request {
  to: string;
  mode?: ClickToCallMode | undefined;
  contactId?: string | undefined;
  simulate?: CallScript | undefined;
}

type Actor = { accountId: string; memberId: string };

/** On the simulator, the customer picks up and talks for 30 s unless the request says otherwise. */
const DEFAULT_CALLEE: CallScript = { answer: [{ by: 'customer' }], talkSeconds: 30 };

function refuseFailed(story: { applicationError?: string | undefined }) {
  if (story.applicationError)
    throw new AppError('unavailable', 'call_failed', `The simulated call failed: ${story.applicationError}`);
}

/**
 * A rep clicks a number. Browser mode (Business plan): with Twilio, the browser dialer places the
 * call itself (`device.connect(connectParams)`) and Twilio asks the voice URL what to do.
 * Call-me-first (any plan): the carrier rings the rep's own phone, then dials the customer.
 * On the simulator, Parley plays Twilio's part against its own webhooks, so either mode runs
 * through exactly the code Twilio would drive.
 */
export async function clickToCall(services: Services, actor: Actor, input: Request): Promise<ClickToCall> {
  const account = await getAccount(services.db, actor.accountId);
  const mode = input.mode ?? 'browser';
  if (mode === 'browser') requireFeature(account.plan, 'web_dialer');
  const to = await dialableNumber(services, actor.accountId, input.to);
  const number = await callerIdFor(services, actor.accountId, actor.memberId);
  if (!number)
    throw new AppError(
      'precondition_failed',
      'number_required',
      'This account has no phone number to call from: buy one first.',
    );
  const credentials = services.webhookCredentialsFor(account);
  const simulated =
    !account.carrierCredentials && !services.voice && services.carrierFor(account).kind === 'simulator';
  const statusUrl = `${services.publicUrl}/webhooks/twilio/status`;

  if (mode === 'browser') {
    const connectParams = { To: to, ...(input.contactId ? { contactId: input.contactId } : {}) };
    if (!simulated) return { mode: 'browser', to, callerId: number.e164, connectParams };
    const story = await simulateOutboundBrowserCall({
      voiceUrl: `${services.publicUrl}/webhooks/twilio/voice`,
      statusUrl,
      ...credentials,
      identity: memberIdentity(actor.memberId),
      to,
      params: connectParams,
      script: input.simulate ?? DEFAULT_CALLEE,
    });
    refuseFailed(story);
    return { mode: 'simulated', to, callerId: number.e164, callSid: story.callSid };
  }

  const member = await services.db.one<{ phone: string | null }>(
    sql`select phone from members where id = ${actor.memberId} and account_id = ${actor.accountId}`,
  );
  if (!member.phone)
    throw fieldError(
      'mode',
      'Call-me-first rings your own phone first: add it to your profile (phone), or use the browser dialer.',
      'phone_required',
    );
  const callId = randomUUID();
  const bridgeUrl = webhookUrls(services.publicUrl).bridge(callId);
  const open = (sid: string) =>
    startOutboundCall(services, {
      id: callId,
      accountId: actor.accountId,
      memberId: actor.memberId,
      sid,
      to,
      contactId: input.contactId,
    });

  if (simulated) {
    const sid = newSid('CA');
    await open(sid);
    const story = await simulateOutboundApiCall({
      voiceUrl: bridgeUrl,
      statusUrl,
      ...credentials,
      from: number.e164,
      to: member.phone,
      callSid: sid,
      script: input.simulate ?? DEFAULT_CALLEE,
    });
    refuseFailed(story);
    return { mode: 'simulated', to, callerId: number.e164, callId, callSid: sid };
  }
  const carrier = services.carrierFor(account);
  if (!carrier.placeCall)
    throw new AppError(
      'unavailable',
      'carrier_cannot_place_calls',
      'This carrier cannot place calls through its API.',
    );
  // The call row is written once the carrier gave the call its sid; Twilio fetches the bridge URL
  // only after the rep has picked up, long after this returns.
  const { sid } = await carrier.placeCall({
    from: number.e164,
    to: member.phone,
    url: bridgeUrl,
    statusCallbackUrl: statusUrl,
  });
  await open(sid);
  return { mode: 'call_me_first', to, callerId: number.e164, callId, callSid: sid, ringing: member.phone };
}
