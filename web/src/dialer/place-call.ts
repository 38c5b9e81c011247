import { api } from '../api/client.ts';
import type { DialRecord } from './host-bridge.ts';
import type { CallSummary, ClickToCallAnswer } from './types.ts';

export type PlacedCall =
  /** The simulator already played the call to its end on the server: here is its record. */
  | { kind: 'simulated'; call: CallSummary }
  /** Twilio is configured: the browser must connect with these params through the Voice SDK. */
  | { kind: 'browser'; to: string; connectParams: Record<string, string> }
  /** Call-me-first: the carrier rings the rep's phone, then the customer. */
  | { kind: 'call_me_first'; to: string; ringing: string; callId: string };

/**
 * POST /api/calls. Browser mode needs the Business plan's web dialer; otherwise the rep's own
 * phone rings first. A simulated browser call answers with its carrier sid only, so its row is
 * found among the member's latest calls by that sid.
 */
export async function placeCall(
  to: string,
  contactId: string | null,
  browser: boolean,
  record?: DialRecord,
): Promise<PlacedCall> {
  const answer = await api<ClickToCallAnswer>('POST', '/api/calls', {
    to,
    mode: browser ? 'browser' : 'call_me_first',
    ...(contactId ? { contactId } : {}),
    // The server gives the call the Parley contact its CRM sync linked to that record, if any.
    ...(record ? { crmRecord: { kind: record.crm, id: record.id } } : {}),
  });
  if (answer.mode === 'browser')
    return { kind: 'browser', to: answer.to, connectParams: answer.connectParams };
  if (answer.mode === 'call_me_first')
    return { kind: 'call_me_first', to: answer.to, ringing: answer.ringing, callId: answer.callId };
  if (answer.callId)
    return { kind: 'simulated', call: await api<CallSummary>('GET', `/api/calls/${answer.callId}`) };
  const { calls } = await api<{ calls: CallSummary[] }>('GET', '/api/calls?limit=10');
  const call = calls.find((c) => c.record?.id === answer.callSid);
  if (!call) throw new Error(`The simulated call ${answer.callSid} is not in the call list`);
  return { kind: 'simulated', call };
}
