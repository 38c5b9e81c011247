import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { Field } from '../../ui/field.tsx';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { AvailableNumber, ConsoleMe, PhoneNumber } from '../types.ts';

/** A member picks their own number: a free one of the team, or a new one (POST /api/me/number). */
export function MyNumberScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  const owned = useLoad<{ numbers: PhoneNumber[] }>('/api/numbers');
  const mine = owned.data?.numbers.find((n) => n.assignedMemberId === me.member.id);
  const free = owned.data?.numbers.filter((n) => !n.assignedMemberId && !n.isTeamLine) ?? [];
  const available = useLoad<{ numbers: AvailableNumber[] }>(
    owned.data && !mine ? `/api/numbers/available?country=${me.account.defaultCountry}&limit=5` : null,
  );
  const [typed, setTyped] = useState('');
  const submit = useSubmit();
  async function take(e164: string) {
    const done = await submit.run(() => api<PhoneNumber>('POST', '/api/me/number', { e164 }));
    if (done) await owned.reload();
  }
  function sendTyped(event: FormEvent) {
    event.preventDefault();
    void take(typed);
  }
  return (
    <section aria-labelledby="my-number-title">
      <h1 id="my-number-title">{t('myNumber.title')}</h1>
      <ApiNotice error={owned.error} />
      {mine ? (
        <div className="card">
          <p>{t('myNumber.current', { number: mine.e164 })}</p>
          <p>
            <a href="/dialer">{t('myNumber.done')}</a>
          </p>
        </div>
      ) : owned.data ? (
        <div className="card">
          <p>{t('myNumber.intro')}</p>
          {free.length > 0 ? (
            <>
              <h2>{t('myNumber.free')}</h2>
              <ul className="choices">
                {free.map((n) => (
                  <li key={n.id}>
                    <button
                      type="button"
                      className="secondary"
                      disabled={submit.busy}
                      onClick={() => take(n.e164)}
                    >
                      {t('myNumber.take', { number: n.e164 })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('myNumber.new')}</h2>
          <ApiNotice error={available.error} />
          <ul className="choices">
            {(available.data?.numbers ?? []).map((n) => (
              <li key={n.e164}>
                <button
                  type="button"
                  className="secondary"
                  disabled={submit.busy}
                  onClick={() => take(n.e164)}
                >
                  {t('myNumber.take', { number: n.e164 })}
                </button>
                {n.locality ? <span className="muted"> {n.locality}</span> : null}
              </li>
            ))}
          </ul>
          <form onSubmit={sendTyped} noValidate className="inline-form">
            <Field
              label={t('myNumber.e164')}
              type="tel"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              error={submit.error?.fields.e164}
            />
            <button type="submit" disabled={submit.busy}>
              {t('myNumber.submit')}
            </button>
          </form>
          <ApiNotice error={submit.error} />
        </div>
      ) : null}
    </section>
  );
}
