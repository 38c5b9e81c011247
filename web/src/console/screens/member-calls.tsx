import { useLoad } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallSummary, ConsoleMe, Member } from '../types.ts';
import { BusinessOnly } from './business-only.tsx';
import { CallRow, involves } from './call-row.tsx';

/** A member's recent calls: the API lists the team's, the member's are picked out here (no new endpoint). */
export function MemberCallsScreen({ me, memberId }: { me: ConsoleMe; memberId: string }) {
  const t = useConsoleText();
  return (
    <BusinessOnly me={me} feature="supervision" title={t('sup.title')}>
      <MemberCalls me={me} memberId={memberId} />
    </BusinessOnly>
  );
}

function MemberCalls({ me, memberId }: { me: ConsoleMe; memberId: string }) {
  const t = useConsoleText();
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const calls = useLoad<{ calls: CallSummary[] }>('/api/calls?limit=200');
  const names = members.data?.members ?? [];
  const name = names.find((m) => m.id === memberId)?.name ?? t('dash.formerMember');
  const theirs = (calls.data?.calls ?? []).filter((call) => involves(call, memberId));
  return (
    <section aria-labelledby="member-calls-title">
      <p>
        <Link to="/supervision">{t('sup.back')}</Link>
      </p>
      <h1 id="member-calls-title">{t('sup.memberTitle', { name })}</h1>
      <ApiNotice error={members.error ?? calls.error} />
      {calls.data && theirs.length === 0 ? <p>{t('sup.noCalls')}</p> : null}
      <ul className="rows">
        {theirs.map((call) => (
          <CallRow key={call.id} call={call} members={names} timeZone={me.account.timeZone} />
        ))}
      </ul>
    </section>
  );
}
