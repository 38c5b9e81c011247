import type { CountryCode } from 'libphonenumber-js';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { CallerCard } from './caller-card.tsx';
import { CrmStatus } from './crm-status.tsx';
import { DISPOSITIONS } from './dispositions.ts';
import { formatDuration } from './format-time.ts';
import type { CallerView } from './live-event.ts';
import { NotesField } from './notes-field.tsx';
import { resultText } from './result-text.ts';
import { useDialerText } from './texts.ts';
import type { CallResult, CallSummary } from './types.ts';
import { useCrmSync } from './use-crm-sync.ts';

/**
 * After the call: result and talk time as the server recorded them, the notes typed during the
 * call, a disposition, saved together with PATCH /api/calls/:id; then the call's CRM sync status.
 */
export function AfterCall({
  callId,
  caller,
  result,
  country,
  notes,
  onNotesChange,
  onSaved,
  onOpenRecord,
  onClose,
}: {
  callId: string;
  caller: CallerView;
  result: CallResult | null;
  country: CountryCode;
  notes: string;
  onNotesChange: (notes: string) => void;
  onSaved: (call: CallSummary) => void;
  onOpenRecord: (url: string, crm: string) => void;
  onClose: () => void;
}) {
  const t = useDialerText();
  const dispositionId = useId();
  const [call, setCall] = useState<CallSummary | null>(null);
  const [disposition, setDisposition] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedVersion, setSavedVersion] = useState(0);
  const syncs = useCrmSync(callId, savedVersion);

  useEffect(() => {
    api<CallSummary>('GET', `/api/calls/${callId}`).then(
      (loaded) => {
        setCall(loaded);
        if (loaded.record?.disposition) setDisposition(loaded.record.disposition);
      },
      () => undefined,
    );
  }, [callId]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await api<CallSummary>('PATCH', `/api/calls/${callId}`, {
        notes,
        ...(disposition ? { disposition } : {}),
      });
      setCall(saved);
      setSavedVersion((v) => v + 1);
      onSaved(saved);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught), {}));
    } finally {
      setSaving(false);
    }
  }

  const talk = call?.record?.talkSeconds;
  return (
    <section className="call-screen ended" aria-labelledby="ended-title">
      <h2 id="ended-title" className="call-phase">
        {t('ended.title')}
      </h2>
      <CallerCard caller={caller} country={country} />
      <p>{t('ended.result', { result: resultText(t, call?.result ?? result) })}</p>
      {talk !== undefined ? <p>{t('ended.duration', { duration: formatDuration(talk) })}</p> : null}
      <form onSubmit={save} noValidate>
        <NotesField value={notes} onChange={onNotesChange} error={error?.fields.notes} />
        <div className="field">
          <label htmlFor={dispositionId}>{t('disposition.label')}</label>
          <select
            id={dispositionId}
            value={disposition}
            aria-invalid={error?.fields.disposition ? true : undefined}
            aria-describedby={error?.fields.disposition ? `${dispositionId}-error` : undefined}
            onChange={(event) => setDisposition(event.target.value)}
          >
            <option value="">{t('disposition.choose')}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`disposition.${d}`)}
              </option>
            ))}
          </select>
          {error?.fields.disposition ? (
            <p className="field-error" id={`${dispositionId}-error`} role="alert">
              {error.fields.disposition}
            </p>
          ) : null}
        </div>
        {error && Object.keys(error.fields).length === 0 ? (
          <p role="alert" className="field-error">
            {error.message}
          </p>
        ) : null}
        <button type="submit" disabled={saving}>
          {t('after.save')}
        </button>
        {savedVersion > 0 ? <output className="saved">{t('after.saved')}</output> : null}
      </form>
      <CrmStatus syncs={syncs} onOpen={onOpenRecord} />
      <button type="button" className="secondary" onClick={onClose}>
        {t('after.close')}
      </button>
    </section>
  );
}
