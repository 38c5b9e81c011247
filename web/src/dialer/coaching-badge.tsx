import { formatDuration } from './format-time.ts';
import { useDialerText } from './texts.ts';
import type { CoachingNotice } from './use-coaching.ts';

/**
 * New coaching comments on the rep's calls, in the dialer: where the rep spends the day, in the
 * CRM, rather than in the console they seldom open. Collapsed to a badge; open, one line each.
 */
export function CoachingBadge({
  notices,
  onRead,
}: {
  notices: CoachingNotice[];
  onRead: (callId: string) => Promise<void>;
}) {
  const t = useDialerText();
  if (notices.length === 0) return null;
  return (
    <details className="coaching-badge" data-testid="coaching-badge">
      <summary>
        <span className="badge">{notices.length}</span> {t('coaching.badge', { count: notices.length })}
      </summary>
      <ul>
        {notices.map((notice) => (
          <li key={notice.id}>
            <strong>
              {t(notice.isReply ? 'coaching.reply' : 'coaching.comment', { name: notice.authorName ?? '—' })}
              {notice.atSeconds === null
                ? ''
                : ` ${t('coaching.at', { moment: formatDuration(notice.atSeconds) })}`}
            </strong>
            <p>{notice.body}</p>
            <button type="button" className="secondary small" onClick={() => void onRead(notice.callId)}>
              {t('coaching.seen')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
