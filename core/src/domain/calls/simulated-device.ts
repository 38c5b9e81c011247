import { AppError } from '../../errors.ts';
import type { Principal } from '../../http/route.ts';
import type { Services } from '../../services.ts';
import type { DeviceAction } from '../../telephony/simulator/voice/device-signal.ts';
import { memberIdentity } from '../../telephony/twilio/webhooks/identity.ts';
import { getAccount } from '../accounts/accounts.ts';
import { getCallFor } from './call-queries.ts';
import { getCall } from './calls-store.ts';

// Long enough for the longest ring and talk the simulator plays; the call's end makes it moot.
const ACTION_TTL_MS = 4 * 3_600_000;

const key = (callSid: string, identity: string) => `simulator:device:${callSid}:${identity}`;

/**
 * What the member's dialer did about a simulated call, kept for the simulator to read: it plays
 * Twilio, and on Twilio the Voice SDK would carry the answer, decline or hang-up itself.
 * Refused on Twilio (the browser talks to Twilio directly) and once the call has ended.
 */
export async function recordDeviceAction(
  services: Services,
  principal: Principal,
  callId: string,
  action: DeviceAction,
): Promise<{ callId: string; action: DeviceAction }> {
  await getCallFor(services.db, principal, callId);
  const account = await getAccount(services.db, principal.accountId);
  if (account.carrierCredentials || services.voice || services.carrierFor(account).kind !== 'simulator')
    throw new AppError(
      'conflict',
      'not_simulated',
      'This call goes through Twilio: the dialer answers and hangs up through the Voice SDK, not this endpoint.',
    );
  const call = await getCall(services.db, principal.accountId, callId);
  if (call.final) throw new AppError('conflict', 'call_not_live', 'This call has ended already.');
  const mayAct =
    action === 'hangup'
      ? call.memberId === principal.memberId
      : (call.record?.rungMemberIds ?? []).includes(principal.memberId);
  if (!mayAct)
    throw new AppError(
      'forbidden',
      action === 'hangup' ? 'not_on_call' : 'not_rung',
      action === 'hangup' ? 'You are not on this call.' : 'This call is not ringing your dialer.',
    );
  await services.bus.cacheSet(
    key(call.carrierCallSid, memberIdentity(principal.memberId)),
    action,
    ACTION_TTL_MS,
  );
  return { callId, action };
}

/** The latest action of a dialer on a simulated call, as the simulator asks for it. */
export async function readDeviceAction(
  services: Pick<Services, 'bus'>,
  callSid: string,
  identity: string,
): Promise<DeviceAction | null> {
  return (await services.bus.cacheGet<DeviceAction>(key(callSid, identity))) ?? null;
}
