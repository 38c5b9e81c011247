import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { CallSummary, Contact } from './types.ts';

/** Names of the contacts the listed calls were with: one request per distinct contact, in parallel. */
export function useContactNames(calls: CallSummary[] | null): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const ids = [...new Set((calls ?? []).flatMap((c) => (c.contactId ? [c.contactId] : [])))].sort().join(',');
  useEffect(() => {
    if (!ids) return;
    let live = true;
    Promise.all(
      ids.split(',').map((id) =>
        api<Contact>('GET', `/api/contacts/${id}`).then(
          (contact) => [id, contact.name] as const,
          () => null,
        ),
      ),
    ).then((pairs) => {
      if (live) setNames(new Map(pairs.filter((pair) => pair !== null)));
    });
    return () => {
      live = false;
    };
  }, [ids]);
  return names;
}
