import type { Outcome } from '../../../parley/outcome';
import { StartedCall } from '../../../parley/schemas';
import { askParley } from '../../../parley/target';

/** Asks Parley to ring the Attio user's own phone, then `to`; `personId` links the call to that person. */
export default async function startCall(to: string, personId: string | null): Promise<Outcome<StartedCall>> {
  const body = personId ? { to, recordId: personId } : { to };
  return askParley({ method: 'POST', path: '/api/attio-app/calls', body }, StartedCall);
}
