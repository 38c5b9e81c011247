import { useState } from 'react';
import { api } from '../../api/client.ts';
import { SelectField } from '../../ui/field.tsx';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { ConsoleMe, Member, Presence, Role } from '../types.ts';
import { Invitations } from './invitations.tsx';

/** Members with their role, numbers and whether they are online now; admins change roles and remove. */
export function TeamScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const presence = useLoad<{ members: Presence[] }>('/api/team/presence');
  const admin = me.member.role === 'admin';
  const [confirming, setConfirming] = useState<string | null>(null);
  const submit = useSubmit();
  const statusOf = (id: string) => presence.data?.members.find((p) => p.memberId === id);
  async function changeRole(member: Member, role: Role) {
    if (await submit.run(() => api('PATCH', `/api/team/members/${member.id}`, { role })))
      await members.reload();
  }
  async function remove(member: Member) {
    const done = await submit.run(async () => {
      await api('DELETE', `/api/team/members/${member.id}`);
      return true;
    });
    setConfirming(null);
    if (done) await members.reload();
  }
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">{t('team.title')}</h1>
      <h2>{t('team.members')}</h2>
      <ApiNotice error={members.error ?? submit.error} />
      <ul className="rows">
        {(members.data?.members ?? []).map((member) => {
          const status = statusOf(member.id);
          const self = member.id === me.member.id;
          return (
            <li key={member.id} className="row card" data-member={member.email}>
              <div className="row-main">
                <strong>
                  {member.name} {self ? <span className="muted">{t('team.you')}</span> : null}
                </strong>
                <span className="muted wrap">{member.email}</span>
                <span>{member.numbers.length > 0 ? member.numbers.join(', ') : t('team.noNumber')}</span>
                <span className={`status status-${status?.status ?? 'offline'}`}>
                  {t(`team.status.${status?.status ?? 'offline'}`)}
                  {status?.onCall ? ` · ${t('team.onCall')}` : ''}
                </span>
              </div>
              {admin && !self ? (
                <div className="row-actions">
                  <SelectField
                    label={t('team.role', { name: member.name })}
                    value={member.role}
                    disabled={submit.busy}
                    onChange={(e) => changeRole(member, e.target.value === 'admin' ? 'admin' : 'member')}
                  >
                    <option value="member">{t('role.member')}</option>
                    <option value="admin">{t('role.admin')}</option>
                  </SelectField>
                  {confirming === member.id ? (
                    <div className="confirm">
                      <p>{t('team.confirmRemove', { name: member.name })}</p>
                      <button type="button" className="danger" onClick={() => remove(member)}>
                        {t('team.confirmYes')}
                      </button>{' '}
                      <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                        {t('team.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="secondary" onClick={() => setConfirming(member.id)}>
                      {t('team.remove', { name: member.name })}
                    </button>
                  )}
                </div>
              ) : (
                <span className="muted">{t(`role.${member.role}`)}</span>
              )}
            </li>
          );
        })}
      </ul>
      {admin ? <Invitations onChange={members.reload} /> : null}
    </section>
  );
}
