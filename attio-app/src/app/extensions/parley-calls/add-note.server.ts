import type { Outcome } from '../../../parley/outcome';
import { NotedCall } from '../../../parley/schemas';
import { askParley } from '../../../parley/target';

/** Adds the Attio user's note under the call's notes in Parley, which logs them back into Attio. */
export default async function addNote(callId: string, text: string): Promise<Outcome<NotedCall>> {
  return askParley(
    { method: 'POST', path: `/api/attio-app/calls/${encodeURIComponent(callId)}/notes`, body: { text } },
    NotedCall,
  );
}
