import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field } from '../../ui/field.tsx';
import { CRM_NAMES, when } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { type ConsoleKey, useConsoleText } from '../texts.ts';
import type { CrmAvailable, CrmConnection } from '../types.ts';
import { ImportProgress } from './import-progress.tsx';

const IMPORT_POLL_MS = 2000;

interface Connections {
  connections: CrmConnection[];
  available: CrmAvailable[];
}

/** Each CRM the server offers: connect it (OAuth redirect or Odoo's form) and see how its sync is doing. */
export function IntegrationsScreen() {
  const t = useConsoleText();
  const loaded = useLoad<Connections>('/api/crm/connections');
  const [formFor, setFormFor] = useState<CrmAvailable | null>(null);
  const oauth = useSubmit();
  const importing = loaded.data?.connections.some((c) => c.import?.state === 'running') ?? false;
  const { reload } = loaded;
  useEffect(() => {
    // The first import starts at connection and runs on the server; the list follows it until done.
    if (!importing) return;
    const timer = window.setInterval(() => void reload(), IMPORT_POLL_MS);
    return () => window.clearInterval(timer);
  }, [importing, reload]);
  async function connectOAuth(kind: string) {
    const answer = await oauth.run(() =>
      api<{ authorizeUrl: string }>('POST', `/api/crm/${kind}/connect`, {}),
    );
    // The CRM's consent page brings the admin back to /oauth/crm/<crm>/callback, then to the console.
    if (answer) window.location.assign(answer.authorizeUrl);
  }
  const data = loaded.data;
  return (
    <section aria-labelledby="crm-title">
      <h1 id="crm-title">{t('crm.title')}</h1>
      <ApiNotice error={loaded.error ?? oauth.error} />
      {data && data.connections.length > 0 ? (
        <>
          <h2>{t('crm.connected')}</h2>
          <ul className="rows">
            {data.connections.map((c) => (
              <ConnectionCard key={c.id} connection={c} />
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('crm.available')}</h2>
      <ul className="rows">
        {(data?.available ?? []).map((crm) => {
          const name = CRM_NAMES[crm.kind] ?? crm.kind;
          const connected = data?.connections.some((c) => c.kind === crm.kind);
          return (
            <li key={crm.kind} className="row card" data-crm={crm.kind}>
              <div className="row-main">
                <strong>{name}</strong>
                {!crm.ready ? <span className="muted">{t('crm.notReady')}</span> : null}
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className={connected ? 'secondary' : undefined}
                  disabled={!crm.ready || oauth.busy}
                  onClick={() => (crm.setup === 'form' ? setFormFor(crm) : connectOAuth(crm.kind))}
                >
                  {t(connected ? 'crm.reconnect' : 'crm.connect', { crm: name })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {formFor ? (
        <ConnectForm
          crm={formFor}
          onConnected={async () => {
            setFormFor(null);
            await loaded.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function ConnectionCard({ connection: c }: { connection: CrmConnection }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const name = CRM_NAMES[c.kind] ?? c.kind;
  const at = (iso: string | null) => (iso ? when(locale, iso) : t('crm.never'));
  return (
    <li className="row card" data-connection={c.kind}>
      <div className="row-main">
        <strong>
          {name} — <span className={`status status-${c.status}`}>{t(`crm.status.${c.status}`)}</span>
        </strong>
        <span className="muted wrap">
          {t('crm.connectedAs', { who: c.connectedAs.userEmail ?? c.connectedAs.userId })} ·{' '}
          {c.connectedAs.instanceUrl}
        </span>
        <span>{t('crm.lastLogged', { when: at(c.lastLoggedAt) })}</span>
        <span>{t('crm.contactsSynced', { when: at(c.contactsSyncedAt) })}</span>
        <span>
          {t('crm.backlog', { count: c.backlog ?? 0 })} · {t('crm.failedCount', { count: c.failed ?? 0 })} ·{' '}
          {t('crm.loggedCount', { count: c.logged ?? 0 })}
        </span>
        <ImportProgress connection={c} />
        {c.lastError ? (
          <span className="error wrap">{t('crm.lastError', { error: c.lastError })}</span>
        ) : null}
      </div>
      <div className="row-actions">
        <Link to={`/integrations/${c.id}`}>{t('crm.details', { crm: name })}</Link>
      </div>
    </li>
  );
}

/** CRMs connected with a form (Odoo): the fields the API describes, labelled in the console's language. */
function ConnectForm({ crm, onConnected }: { crm: CrmAvailable; onConnected: () => Promise<void> }) {
  const t = useConsoleText();
  const name = CRM_NAMES[crm.kind] ?? crm.kind;
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = useSubmit();
  async function send(event: FormEvent) {
    event.preventDefault();
    const done = await submit.run(() =>
      api<unknown>('POST', `/api/crm/${crm.kind}/connect`, { fields: values }),
    );
    if (done !== undefined) await onConnected();
  }
  const label = (field: { name: string; label: string }) => {
    const key = FIELD_LABELS[field.name];
    return key ? t(key) : field.label;
  };
  return (
    <form className="card" onSubmit={send} noValidate aria-labelledby="crm-form-title">
      <h2 id="crm-form-title">{t('crm.formTitle', { crm: name })}</h2>
      {(crm.fields ?? []).map((field) => (
        <Field
          key={field.name}
          label={label(field)}
          name={field.name}
          type={field.secret ? 'password' : 'text'}
          autoComplete="off"
          value={values[field.name] ?? ''}
          onChange={(e) => setValues((old) => ({ ...old, [field.name]: e.target.value }))}
          error={submit.error?.fields[field.name] ?? submit.error?.fields[`fields.${field.name}`]}
        />
      ))}
      <ApiNotice error={submit.error} />
      <button type="submit" disabled={submit.busy}>
        {t('crm.connect', { crm: name })}
      </button>
    </form>
  );
}

/** Form fields the console has its own wording for, in both languages; others keep the API's (English) label. */
const FIELD_LABELS: Partial<Record<string, ConsoleKey>> = {
  url: 'crm.field.url',
  database: 'crm.field.database',
  login: 'crm.field.login',
  apiKey: 'crm.field.apiKey',
  defaultCountry: 'crm.field.defaultCountry',
};
