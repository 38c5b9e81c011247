import type { Services } from '../../services.ts';
import { voiceAccessToken } from '../../telephony/twilio/webhooks/access-token.ts';
import { memberIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import { getAccount } from '../accounts/accounts.ts';
import { requireFeature } from '../accounts/plans.ts';

/** The browser dialer's Twilio token, or `simulator` when calls are simulated (no audio to carry). */
export async function browserVoiceToken(services: Services, actor: { accountId: string; memberId: string }) {
  const account = await getAccount(services.db, actor.accountId);
  requireFeature(account.plan, 'web_dialer');
  if (!services.voice) return { mode: 'simulator' as const, identity: memberIdentity(actor.memberId) };
  const token = voiceAccessToken({
    accountSid: services.voice.accountSid,
    apiKeySid: services.voice.apiKeySid,
    apiKeySecret: services.voice.apiKeySecret,
    twimlAppSid: services.voice.twimlAppSid,
    identity: memberIdentity(actor.memberId),
  });
  return { mode: 'twilio' as const, ...token };
}
