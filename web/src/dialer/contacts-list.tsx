import type { CountryCode } from 'libphonenumber-js';
import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import { displayNumber } from './phone-format.ts';
import { useDialerText } from './texts.ts';
import type { Contact } from './types.ts';

/** Waits for a pause in typing so each keystroke does not hit the search endpoint. */
const SEARCH_DELAY_MS = 250;

/** The account's shared contacts, searched by name, company, email or number (GET /api/contacts?q=). */
export function ContactsList({
  country,
  onCall,
}: {
  country: CountryCode;
  onCall: (number: string, contactId: string) => void;
}) {
  const t = useDialerText();
  const id = useId();
  const [query, setQuery] = useState('');
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      const q = query.trim();
      api<{ contacts: Contact[] }>(
        'GET',
        `/api/contacts?limit=25${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ).then(
        (body) => live && setContacts(body.contacts),
        () => live && setContacts([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('contacts.title')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('contacts.search')}</label>
        <input id={id} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {contacts !== null && contacts.length === 0 ? <p className="muted">{t('contacts.empty')}</p> : null}
      <ul className="list" aria-live="polite">
        {(contacts ?? []).map((contact) => (
          <li key={contact.id}>
            <div className="item-text">
              <strong>{contact.name}</strong>
              <small>
                {[contact.company, ...contact.phones.map((p) => displayNumber(p, country))]
                  .filter(Boolean)
                  .join(' · ')}
              </small>
            </div>
            {contact.phones[0] ? (
              <button
                type="button"
                className="secondary"
                aria-label={t('contacts.call', { name: contact.name })}
                onClick={() => contact.phones[0] && onCall(contact.phones[0], contact.id)}
              >
                <span aria-hidden="true">☎</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
