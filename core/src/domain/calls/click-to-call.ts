import { AppError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import type { CallScript } from '../../telephony/simulator/voice/call-script.ts';
import { simulateOutboundBrowserCall } from '../../telephony/simulator/voice/index.ts';
import { memberIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import { getAccount } from '../accounts/accounts.ts';
import { requireFeature } from '../accounts/plans.ts';
import { callerIdFor, dialableNumber } from './outbound.ts';

export type ClickToCall =
  | { mode: 'browser'; to: string; callerId: string; connectParams: Record<string, string> }
  | { mode: 'simulated'; to: string; callerId: string; callSid: string };

/**
 * A rep clicks a number. With Twilio, the browser dialer places the call itself
 * (`device.connect(connectParams)`), and Twilio asks the voice URL what to do. On the simulator
 * there is no browser leg, so Parley plays Twilio's part against its own voice URL, exactly as
 * Twilio would, and the call runs through the same webhooks.
 */
export async function clickToCall(
  services: Services,
  actor: { accountId: string; memberId: string },
  input: { to: string; contactId?: string | undefined; simulate?: CallScript | undefined },
): Promise<ClickToCall> {
  const account = await getAccount(services.db, actor.accountId);
  requireFeature(account.plan, 'web_dialer');
  const to = await dialableNumber(services, actor.accountId, input.to);
  const number = await callerIdFor(services, actor.accountId, actor.memberId);
  if (!number)
    throw new AppError(
      'precondition_failed',
      'number_required',
      'This account has no phone number to call from: buy one first.',
    );
  const connectParams = { To: to, ...(input.contactId ? { contactId: input.contactId } : {}) };
  if (services.voice) return { mode: 'browser', to, callerId: number.e164, connectParams };

  const { accountSid, authToken } = services.webhookCredentialsFor(account);
  const story = await simulateOutboundBrowserCall({
    voiceUrl: `${services.publicUrl}/webhooks/twilio/voice`,
    statusUrl: `${services.publicUrl}/webhooks/twilio/status`,
    accountSid,
    authToken,
    identity: memberIdentity(actor.memberId),
    to,
    params: connectParams,
    script: input.simulate ?? { answer: [{ by: 'customer' }], talkSeconds: 30 },
  });
  if (story.applicationError)
    throw new AppError('unavailable', 'call_failed', `The simulated call failed: ${story.applicationError}`);
  return { mode: 'simulated', to, callerId: number.e164, callSid: story.callSid };
}
