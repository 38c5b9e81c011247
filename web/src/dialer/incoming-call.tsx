import type { CountryCode } from 'libphonenumber-js';
import { useI18n } from '../i18n/i18n.tsx';
import { CallerCard } from './caller-card.tsx';
import { formatWhen } from './format-time.ts';
import type { CallerView } from './live-event.ts';
import { resultText } from './result-text.ts';
import { useDialerText } from './texts.ts';
import { useCallerHistory } from './use-caller-history.ts';

/** The ringing screen: who calls (contact, company, CRMs that know them, last calls), answer or decline. */
export function IncomingCall({
  callId,
  caller,
  country,
  onAnswer,
  onDecline,
}: {
  callId: string;
  caller: CallerView;
  country: CountryCode;
  onAnswer: () => void;
  onDecline: () => void;
}) {
  const t = useDialerText();
  const { locale } = useI18n();
  const { lastCalls, crms } = useCallerHistory(callId, caller.from, caller.contact?.id ?? null);
  return (
    <section className="call-screen ringing" aria-labelledby="incoming-title">
      <h2 id="incoming-title" className="call-phase" aria-live="assertive">
        {t('incoming.title')}
      </h2>
      <CallerCard caller={caller} country={country} />
      {crms.length > 0 ? <p className="muted">{t('incoming.inCrm', { crms: crms.join(', ') })}</p> : null}
      <h3>{t('incoming.lastCalls')}</h3>
      {lastCalls === null ? null : lastCalls.length === 0 ? (
        <p className="muted">{t('incoming.noLastCalls')}</p>
      ) : (
        <ul className="last-calls">
          {lastCalls.map((call) => (
            <li key={call.id}>
              <span>{formatWhen(call.createdAt, locale)}</span>
              <span>{t(call.direction === 'inbound' ? 'recent.inbound' : 'recent.outbound')}</span>
              <span>{resultText(t, call.result)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="call-actions">
        <button type="button" className="answer" onClick={onAnswer}>
          {t('incoming.answer')}
        </button>
        <button type="button" className="danger" onClick={onDecline}>
          {t('incoming.decline')}
        </button>
      </div>
    </section>
  );
}
