import type { Outcome } from '../../../parley/outcome';
import { type PersonCall, PersonCalls } from '../../../parley/schemas';
import { askParley } from '../../../parley/target';

/** The person's calls in Parley, newest first, as the Attio user may see them there. */
export default async function listCalls(
  recordId: string,
  phones: readonly string[],
  limit: number,
): Promise<Outcome<PersonCall[]>> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (phones.length > 0) query.set('phones', phones.join(','));
  const path = `/api/attio-app/people/${encodeURIComponent(recordId)}/calls?${query.toString()}`;
  const answer = await askParley({ method: 'GET', path }, PersonCalls);
  return answer.ok ? { ok: true, value: answer.value.calls } : answer;
}
