import { api } from '../api/client.ts';
import type { CallerView } from './live-event.ts';
import type { Contact } from './types.ts';

/**
 * The person behind a number the rep dialed: the contact the call was placed for, or the shared
 * contact holding that exact number. Outbound calls have no live event carrying it.
 */
export async function callerOf(e164: string, contactId: string | null): Promise<CallerView> {
  const view = (contact: Contact): CallerView => ({
    from: e164,
    contact: { id: contact.id, name: contact.name, company: contact.company, phones: contact.phones },
  });
  try {
    if (contactId) return view(await api<Contact>('GET', `/api/contacts/${contactId}`));
    const { contacts } = await api<{ contacts: Contact[] }>(
      'GET',
      `/api/contacts?limit=5&q=${encodeURIComponent(e164)}`,
    );
    const match = contacts.find((c) => c.phones.includes(e164));
    return match ? view(match) : { from: e164, contact: null };
  } catch {
    return { from: e164, contact: null };
  }
}
