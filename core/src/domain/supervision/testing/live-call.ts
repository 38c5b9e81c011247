import type { TestServer } from '../../../http/testing/test-server.ts';
import { sql } from '../../../store/sql.ts';
import { simulatorCredentials } from '../../../telephony/account-carriers.ts';
import { CallSession } from '../../../telephony/simulator/voice/call-session.ts';
import { newSid } from '../../../telephony/simulator/voice/sids.ts';
import { memberIdentity } from '../../../telephony/twilio/webhooks/identity.ts';

/**
 * An inbound call left in progress: the simulator posts what Twilio posts up to the moment the
 * member's dialer is bridged (voice webhook, the leg ringing, the answer hook, the leg answered)
 * and stops there, so a test can act on the live call. The simulator's own call runner plays calls
 * to their end at once, which leaves nothing live to listen to.
 */
export async function liveAnsweredCall(
  server: TestServer,
  input: { from: string; to: string; memberId: string },
): Promise<{ callId: string; callSid: string; repLegSid: string }> {
  const { accountSid, authToken } = simulatorCredentials(server.services.secrets);
  const session = new CallSession({
    accountSid,
    authToken,
    from: input.from,
    to: input.to,
    called: input.to,
    statusUrl: `${server.url}/webhooks/twilio/status`,
    script: {},
    clock: () => server.services.now(),
    fetch,
  });
  const { twiml } = await session.fetchDocument(`${server.url}/webhooks/twilio/voice`, session.callParams());
  const identity = memberIdentity(input.memberId);
  const client = twiml.children
    .find((verb) => verb.name === 'Dial')
    ?.children.find((noun) => noun.name === 'Client' && noun.text === identity);
  const { url: answerUrl, statusCallback } = client?.attributes ?? {};
  if (!answerUrl || !statusCallback)
    throw new Error(`The call did not ring ${identity}: ${session.lines.join('\n')}`);
  session.markAnswered();
  const repLegSid = newSid('CA');
  const leg = (status: string) => ({
    AccountSid: accountSid,
    ApiVersion: '2010-04-01',
    CallSid: repLegSid,
    CallStatus: status,
    Called: `client:${identity}`,
    Caller: input.from,
    Direction: 'outbound-dial',
    From: input.from,
    ParentCallSid: session.callSid,
    To: `client:${identity}`,
  });
  await session.postStatus(statusCallback, repLegSid, leg('ringing'), 'ringing');
  await session.fetchTwiml(answerUrl, leg('in-progress'), 'answer hook');
  await session.postStatus(statusCallback, repLegSid, leg('in-progress'), 'in-progress');
  const row = await server.services.db.one<{ id: string }>(
    sql`select id from calls where carrier_call_sid = ${session.callSid}`,
  );
  return { callId: row.id, callSid: session.callSid, repLegSid };
}
