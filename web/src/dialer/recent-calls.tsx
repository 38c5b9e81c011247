import type { CountryCode } from 'libphonenumber-js';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatWhen } from './format-time.ts';
import { displayNumber } from './phone-format.ts';
import { resultText } from './result-text.ts';
import { useDialerText } from './texts.ts';
import type { CallSummary } from './types.ts';
import { useContactNames } from './use-contact-names.ts';

/** The member's recent calls (GET /api/calls), each with a call-back button; `version` reloads after a call. */
export function RecentCalls({
  country,
  version,
  onCallBack,
}: {
  country: CountryCode;
  version: number;
  onCallBack: (number: string, contactId: string | null) => void;
}) {
  const t = useDialerText();
  const { locale } = useI18n();
  const [calls, setCalls] = useState<CallSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = useContactNames(calls);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each finished call (new version) reloads the list
  useEffect(() => {
    api<{ calls: CallSummary[] }>('GET', '/api/calls?limit=25').then(
      (body) => setCalls(body.calls),
      (caught: unknown) => setError(String(caught)),
    );
  }, [version]);
  if (error) return <p role="alert">{error}</p>;
  if (calls === null) return null;
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      {calls.length === 0 ? <p className="muted">{t('recent.empty')}</p> : null}
      <ul className="list">
        {calls.map((call) => {
          const other = call.direction === 'inbound' ? call.from : call.to;
          const shown = displayNumber(other, country);
          const name = call.contactId ? names.get(call.contactId) : undefined;
          return (
            <li key={call.id}>
              <div className="item-text">
                <strong>{name ?? shown}</strong>
                <small>
                  {name ? `${shown} · ` : null}
                  {t(call.direction === 'inbound' ? 'recent.inbound' : 'recent.outbound')} ·{' '}
                  {resultText(t, call.result)} · {formatWhen(call.createdAt, locale)}
                </small>
              </div>
              <button
                type="button"
                className="secondary"
                aria-label={t('recent.callBack', { number: shown })}
                onClick={() => onCallBack(other, call.contactId)}
              >
                <span aria-hidden="true">☎</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
