import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { when } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { Invitation, Role } from '../types.ts';

/** Send, resend and revoke invitations, with where each email stands (the seed's "invitation not received"). */
export function Invitations({ onChange }: { onChange: () => Promise<void> }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const list = useLoad<{ invitations: Invitation[] }>('/api/team/invitations');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [sent, setSent] = useState<{ email: string; acceptUrl: string } | null>(null);
  const send = useSubmit();
  const act = useSubmit();
  async function invite(event: FormEvent) {
    event.preventDefault();
    const result = await send.run(() =>
      api<{ invitation: Invitation; acceptUrl: string }>('POST', '/api/team/invitations', { email, role }),
    );
    if (!result) return;
    setSent({ email: result.invitation.email, acceptUrl: result.acceptUrl });
    setEmail('');
    await Promise.all([list.reload(), onChange()]);
  }
  async function action(invitation: Invitation, what: 'resend' | 'revoke') {
    const result = await act.run(() =>
      api<unknown>('POST', `/api/team/invitations/${invitation.id}/${what}`),
    );
    if (result !== undefined) await list.reload();
  }
  return (
    <section aria-labelledby="inv-title">
      <h2 id="inv-title">{t('inv.title')}</h2>
      <form className="card" onSubmit={invite} noValidate>
        <Field
          label={t('inv.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={send.error?.fields.email}
        />
        <SelectField
          label={t('inv.role')}
          value={role}
          onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'member')}
          error={send.error?.fields.role}
        >
          <option value="member">{t('role.member')}</option>
          <option value="admin">{t('role.admin')}</option>
        </SelectField>
        <ApiNotice error={send.error} />
        <button type="submit" disabled={send.busy}>
          {t('inv.send')}
        </button>
        {sent ? (
          <div className="done-block">
            <Done text={t('inv.sent', { email: sent.email })} />
            <p className="wrap">
              {t('inv.link')} <code>{sent.acceptUrl}</code>
            </p>
          </div>
        ) : null}
      </form>
      <ApiNotice error={list.error ?? act.error} />
      {list.data && list.data.invitations.length === 0 ? <p>{t('inv.none')}</p> : null}
      <ul className="rows">
        {(list.data?.invitations ?? []).map((inv) => (
          <li key={inv.id} className="row card" data-invitation={inv.email}>
            <div className="row-main">
              <strong className="wrap">{inv.email}</strong>
              <span>
                {t(`role.${inv.role}`)} · {t(`inv.state.${inv.state}`)} · {when(locale, inv.createdAt)}
              </span>
              <span className={`delivery delivery-${inv.delivery.status}`}>
                {inv.delivery.status === 'failed'
                  ? t('inv.delivery.failed', { error: inv.delivery.error ?? '' })
                  : t(`inv.delivery.${inv.delivery.status}`)}{' '}
                · {t('inv.attempts', { count: inv.delivery.attempts })}
              </span>
            </div>
            {inv.state === 'pending' || inv.state === 'expired' ? (
              <div className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={act.busy}
                  onClick={() => action(inv, 'resend')}
                >
                  {t('inv.resend', { email: inv.email })}
                </button>
                {inv.state === 'pending' ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={act.busy}
                    onClick={() => action(inv, 'revoke')}
                  >
                    {t('inv.revoke', { email: inv.email })}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
