import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CheckField } from '../../ui/check-field.tsx';
import { SelectField } from '../../ui/field.tsx';
import { CRM_NAMES, when } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { CrmConnection, CrmFailure, CrmSettings } from '../types.ts';
import { ImportProgress } from './import-progress.tsx';

interface Detail {
  connection: CrmConnection;
  unmatchedMembers: Array<{ id: string; name: string; email: string }>;
}

const IMPORT_POLL_MS = 2000;

/** One CRM connection: import progress, the calls it refused (with its message) to retry, and its settings. */
export function ConnectionScreen({ id }: { id: string }) {
  const t = useConsoleText();
  const detail = useLoad<Detail>(`/api/crm/connections/${id}`);
  const failures = useLoad<{ failures: CrmFailure[] }>(`/api/crm/connections/${id}/failures`);
  const act = useSubmit();
  const [message, setMessage] = useState<string | null>(null);
  const running = detail.data?.connection.import?.state === 'running';
  const { reload } = detail;
  useEffect(() => {
    // The import runs on the server; the console only watches it.
    if (!running) return;
    const timer = window.setInterval(() => void reload(), IMPORT_POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, reload]);
  async function retry(callId?: string) {
    const answer = await act.run(() =>
      api<{ requeued: number }>('POST', `/api/crm/connections/${id}/retry`, callId ? { callId } : {}),
    );
    if (!answer) return;
    setMessage(t('crm.requeued', { count: answer.requeued }));
    await failures.reload();
  }
  async function reimport() {
    if (await act.run(() => api<unknown>('POST', `/api/crm/connections/${id}/import`))) await detail.reload();
  }
  const c = detail.data?.connection;
  const name = c ? (CRM_NAMES[c.kind] ?? c.kind) : '';
  return (
    <section aria-labelledby="connection-title">
      <p>
        <Link to="/integrations">{t('crm.back')}</Link>
      </p>
      <h1 id="connection-title">{c ? t('crm.details', { crm: name }) : t('crm.title')}</h1>
      <ApiNotice error={detail.error ?? failures.error ?? act.error} />
      <Done text={message} />
      {c && detail.data ? (
        <>
          <div className="card">
            <p>
              <span className={`status status-${c.status}`}>{t(`crm.status.${c.status}`)}</span>
            </p>
            <ImportProgress connection={c} />
            <p>
              <button type="button" className="secondary" disabled={act.busy || running} onClick={reimport}>
                {t('crm.reimport')}
              </button>
            </p>
          </div>
          <Failures failures={failures.data?.failures} busy={act.busy} onRetry={retry} />
          <SettingsForm
            key={c.id}
            connection={c}
            unmatched={detail.data.unmatchedMembers}
            onSaved={detail.reload}
          />
        </>
      ) : null}
    </section>
  );
}

function Failures({
  failures,
  busy,
  onRetry,
}: {
  failures: CrmFailure[] | undefined;
  busy: boolean;
  onRetry: (callId?: string) => Promise<void>;
}) {
  const t = useConsoleText();
  const { locale } = useI18n();
  if (!failures) return null;
  return (
    <section className="card" aria-labelledby="failures-title">
      <h2 id="failures-title">{t('crm.failures')}</h2>
      {failures.length === 0 ? <p>{t('crm.noFailures')}</p> : null}
      <ul className="rows">
        {failures.map((f) => (
          <li key={f.callId} className="row">
            <div className="row-main">
              <strong>
                {t('crm.failure', { direction: t(`crm.direction.${f.direction}`), from: f.from, to: f.to })}
              </strong>
              <span className="error wrap">{f.error}</span>
              <span className="muted">{when(locale, f.updatedAt)}</span>
            </div>
            <button type="button" className="secondary" disabled={busy} onClick={() => onRetry(f.callId)}>
              {t('crm.retry')}
            </button>
          </li>
        ))}
      </ul>
      {failures.length > 1 ? (
        <button type="button" disabled={busy} onClick={() => onRetry()}>
          {t('crm.retryAll')}
        </button>
      ) : null}
    </section>
  );
}

function SettingsForm({
  connection,
  unmatched,
  onSaved,
}: {
  connection: CrmConnection;
  unmatched: Detail['unmatchedMembers'];
  onSaved: () => Promise<void>;
}) {
  const t = useConsoleText();
  const { t: common } = useI18n();
  const [s, setS] = useState<CrmSettings>(connection.settings);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const err = (path: string) => submit.error?.fields[path];
  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const { logCalls, logInternalCalls, unknownCallers, fallbackOwnerId, ownerOverrides } = s;
    const body = {
      logCalls,
      logInternalCalls,
      unknownCallers,
      fallbackOwnerId,
      ownerOverrides,
      includeRecordings: s.includeRecordings,
      includeTranscripts: s.includeTranscripts,
      includeSummaries: s.includeSummaries,
      pushContacts: s.pushContacts,
    };
    if (await submit.run(() => api<unknown>('PATCH', `/api/crm/connections/${connection.id}`, body))) {
      setSaved(t('crm.saved'));
      await onSaved();
    }
  }
  const flag = (
    key:
      | 'logInternalCalls'
      | 'includeRecordings'
      | 'includeTranscripts'
      | 'includeSummaries'
      | 'pushContacts',
    label: string,
  ) => (
    <CheckField
      label={label}
      checked={s[key]}
      onChange={(e) => setS({ ...s, [key]: e.target.checked })}
      error={err(key)}
    />
  );
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">{t('crm.settings')}</h2>
      <SelectField
        label={t('crm.logCalls')}
        value={s.logCalls}
        onChange={(e) => setS({ ...s, logCalls: e.target.value === 'answered' ? 'answered' : 'all' })}
        error={err('logCalls')}
      >
        <option value="all">{t('crm.logCalls.all')}</option>
        <option value="answered">{t('crm.logCalls.answered')}</option>
      </SelectField>
      {flag('logInternalCalls', t('crm.logInternal'))}
      <SelectField
        label={t('crm.unknown')}
        value={s.unknownCallers}
        onChange={(e) => {
          const v = e.target.value;
          setS({ ...s, unknownCallers: v === 'create_contact' || v === 'skip' ? v : 'log_unassociated' });
        }}
        error={err('unknownCallers')}
      >
        <option value="create_contact">{t('crm.unknown.create_contact')}</option>
        <option value="log_unassociated">{t('crm.unknown.log_unassociated')}</option>
        <option value="skip">{t('crm.unknown.skip')}</option>
      </SelectField>
      <SelectField
        label={t('crm.fallbackOwner')}
        value={s.fallbackOwnerId ?? ''}
        onChange={(e) => setS({ ...s, fallbackOwnerId: e.target.value || null })}
        error={err('fallbackOwnerId')}
      >
        <option value="">{t('crm.defaultOwner')}</option>
        {connection.owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.email})
          </option>
        ))}
      </SelectField>
      {flag('includeRecordings', t('crm.recordings'))}
      {flag('includeTranscripts', t('crm.transcripts'))}
      {flag('includeSummaries', t('crm.summaries'))}
      {flag('pushContacts', t('crm.pushContacts'))}
      <fieldset>
        <legend>{t('crm.unmatched')}</legend>
        {unmatched.length === 0 && Object.keys(s.ownerOverrides).length === 0 ? (
          <p>{t('crm.allMatched')}</p>
        ) : null}
        {unmatched.map((m) => (
          <SelectField
            key={m.id}
            label={t('crm.ownerFor', { name: `${m.name} (${m.email})` })}
            value={s.ownerOverrides[m.id] ?? ''}
            onChange={(e) => {
              const { [m.id]: _previous, ...rest } = s.ownerOverrides;
              setS({ ...s, ownerOverrides: e.target.value ? { ...rest, [m.id]: e.target.value } : rest });
            }}
            error={err(`ownerOverrides.${m.id}`)}
          >
            <option value="">{t('crm.defaultOwner')}</option>
            {connection.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.email})
              </option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <ApiNotice error={submit.error} />
      <Done text={saved} />
      <button type="submit" disabled={submit.busy}>
        {common('common.save')}
      </button>
    </form>
  );
}
