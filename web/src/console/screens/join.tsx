import { type FormEvent, useEffect, useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../ui/field.tsx';
import { LanguageSwitch } from '../../ui/session.tsx';
import { asApiError, useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { ConsoleMe } from '../types.ts';

interface Lookup {
  email: string;
  accountName: string;
  invitedBy: string | null;
}

/** /app/join?token=…: says which team invites whom, then creates the login (POST /api/invitations/accept). */
export function JoinScreen({ onJoined }: { onJoined: (me: ConsoleMe) => void }) {
  const t = useConsoleText();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [lookupError, setLookupError] = useState<ApiError | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  useEffect(() => {
    if (!token) return;
    api<Lookup>('POST', '/api/invitations/lookup', { token }).then(setLookup, (caught) =>
      setLookupError(asApiError(caught)),
    );
  }, [token]);
  async function send(event: FormEvent) {
    event.preventDefault();
    const me = await submit.run(() =>
      api<ConsoleMe>('POST', '/api/invitations/accept', { token, name, password }),
    );
    if (me) onJoined(me);
  }
  const fields = submit.error?.fields ?? {};
  return (
    <main className="signin">
      <div className="card">
        {!token ? <p role="alert">{t('join.noToken')}</p> : null}
        {lookupError ? <ApiNotice error={lookupError} /> : null}
        {lookup ? (
          <form onSubmit={send} noValidate>
            <h1>{t('join.title', { account: lookup.accountName })}</h1>
            <p>
              {lookup.invitedBy
                ? t('join.invitedBy', { name: lookup.invitedBy, email: lookup.email })
                : t('join.invited', { email: lookup.email })}
            </p>
            <Field
              label={t('join.name')}
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={fields.name}
            />
            <Field
              label={t('join.password')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fields.password}
            />
            <ApiNotice error={submit.error} />
            <button type="submit" disabled={submit.busy}>
              {t('join.submit')}
            </button>
          </form>
        ) : null}
      </div>
      <div className="signin-extra">
        <LanguageSwitch />
      </div>
    </main>
  );
}
