import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { duration, whenIn } from '../format.ts';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallSummary, Member } from '../types.ts';

/** Who a call involved, for filtering a member's calls: took it, placed it, or was rung for it. */
export function involves(call: CallSummary, memberId: string): boolean {
  const record = call.record;
  return (
    call.memberId === memberId ||
    record?.answeredBy === memberId ||
    record?.placedBy === memberId ||
    (record?.rungMemberIds ?? []).includes(memberId)
  );
}

/** One call as a line of a list: direction and party, when (account's time zone), outcome, link to its detail. */
export function CallRow({
  call,
  members,
  timeZone,
  actions,
}: {
  call: CallSummary;
  members: Member[];
  timeZone: string;
  /** More buttons beside the link (the live list's listen, whisper, barge). */
  actions?: ReactNode;
}) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const at = whenIn(locale, call.createdAt, timeZone);
  const taker = members.find((m) => m.id === call.memberId)?.name;
  const talk = call.record?.talkSeconds;
  return (
    <li className="row card" data-call={call.id}>
      <div className="row-main">
        <strong className="wrap">
          {call.direction === 'inbound'
            ? t('sup.inbound', { from: call.from })
            : t('sup.outbound', { to: call.to })}
        </strong>
        <span>
          {at} · {call.result ? t(`sup.result.${call.result}`) : t('sup.result.live')}
          {taker ? ` · ${taker}` : ''}
          {talk ? ` · ${t('sup.talk', { duration: duration(locale, talk) })}` : ''}
        </span>
      </div>
      <div className="row-actions">
        {actions}
        <Link to={`/supervision/calls/${call.id}`} className="button-link">
          {t('sup.open', { when: at })}
        </Link>
      </div>
    </li>
  );
}
