import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { CallSummary, Contact } from './types.ts';

/**
 * What the API can tell about a caller while it rings: the earlier calls with this number that the
 * member may see (GET /api/calls lists a member's own) and the contact's CRM ids.
 */
export function useCallerHistory(callId: string, number: string, contactId: string | null) {
  const [lastCalls, setLastCalls] = useState<CallSummary[] | null>(null);
  const [crms, setCrms] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api<{ calls: CallSummary[] }>('GET', '/api/calls?limit=50').then(
      ({ calls }) => {
        if (!live) return;
        setLastCalls(
          calls.filter((c) => c.id !== callId && (c.from === number || c.to === number)).slice(0, 3),
        );
      },
      () => live && setLastCalls([]),
    );
    if (contactId)
      api<Contact>('GET', `/api/contacts/${contactId}`).then(
        (contact) => live && setCrms(Object.keys(contact.externalIds ?? {})),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [callId, number, contactId]);
  return { lastCalls, crms };
}
