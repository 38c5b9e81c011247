import { useEffect } from 'react';
import { useLoad } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallSummary, ConsoleMe, Member, Presence } from '../types.ts';
import { BusinessOnly } from './business-only.tsx';
import { CallRow } from './call-row.tsx';
import { LiveListeningSettings, RetentionSettings } from './conversation-settings.tsx';
import { LiveListenButtons } from './live-listen.tsx';

const LIVE_REFRESH_MS = 5_000;

/** Calls in progress (refreshed while the screen is open) and the members whose calls a coach reviews. */
export function SupervisionScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  return (
    <BusinessOnly me={me} feature="supervision" title={t('sup.title')}>
      <Supervision me={me} />
    </BusinessOnly>
  );
}

function Supervision({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const presence = useLoad<{ members: Presence[] }>('/api/team/presence');
  const live = useLoad<{ calls: CallSummary[] }>('/api/calls?live=true&limit=50');
  const { reload: reloadLive } = live;
  const { reload: reloadPresence } = presence;
  // Polling, not the SSE stream: a few seconds late is fine for a supervisor's overview.
  useEffect(() => {
    const timer = window.setInterval(() => {
      void reloadLive();
      void reloadPresence();
    }, LIVE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reloadLive, reloadPresence]);
  const names = members.data?.members ?? [];
  const calls = live.data?.calls ?? [];
  return (
    <section aria-labelledby="sup-title">
      <h1 id="sup-title">{t('sup.title')}</h1>
      <ApiNotice error={members.error ?? live.error ?? presence.error} />
      <section aria-labelledby="live-title">
        <h2 id="live-title">{t('sup.live')}</h2>
        <p className="muted">{t('sup.liveRefresh')}</p>
        <div aria-live="polite">
          {live.data && calls.length === 0 ? <p>{t('sup.liveNone')}</p> : null}
          <ul className="rows" data-testid="live-calls">
            {calls.map((call) => (
              <CallRow
                key={call.id}
                call={call}
                members={names}
                timeZone={me.account.timeZone}
                actions={
                  me.member.role === 'admin' ? (
                    <LiveListenButtons call={call} memberId={me.member.id} />
                  ) : null
                }
              />
            ))}
          </ul>
        </div>
      </section>
      {me.member.role === 'admin' ? (
        <>
          <LiveListeningSettings />
          <RetentionSettings />
        </>
      ) : null}
      <section aria-labelledby="sup-members-title">
        <h2 id="sup-members-title">{t('sup.members')}</h2>
        <ul className="rows">
          {names.map((member) => {
            const status = presence.data?.members.find((p) => p.memberId === member.id);
            return (
              <li key={member.id} className="row card" data-member={member.email}>
                <div className="row-main">
                  <strong>{member.name}</strong>
                  <span className={`status status-${status?.status ?? 'offline'}`}>
                    {t(`team.status.${status?.status ?? 'offline'}`)}
                    {status?.onCall ? ` · ${t('team.onCall')}` : ''}
                  </span>
                </div>
                <div className="row-actions">
                  <Link to={`/supervision/members/${member.id}`} className="button-link">
                    {t('sup.memberCalls', { name: member.name })}
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </section>
  );
}
