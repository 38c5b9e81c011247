import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextAreaField } from '../../ui/field.tsx';
import { moment, whenIn } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallComment } from '../types.ts';

/** Whole-call comments first, then by moment of the recording, then oldest first: the order of listening. */
function byMoment(a: CallComment, b: CallComment): number {
  const at = (c: CallComment) => c.atSeconds ?? -1;
  return at(a) - at(b) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * A coach's comments on a call. With a recording, a comment can be pinned to where the player is
 * (`position`, whole seconds as the API keeps them) and a pinned comment plays from its moment.
 */
export function CallComments({
  callId,
  position,
  timeZone,
  onSeek,
}: {
  callId: string;
  position: number | null;
  timeZone: string;
  onSeek: ((seconds: number) => void) | null;
}) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const list = useLoad<{ comments: CallComment[] }>(`/api/calls/${callId}/comments`);
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const submit = useSubmit();
  const atSeconds = position === null ? null : Math.floor(position);
  async function add(event: FormEvent) {
    event.preventDefault();
    setAdded(false);
    // Two submit buttons: the one pressed says whether the comment is pinned to the player's moment.
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const pinned = submitter?.dataset.pin === 'moment' && atSeconds !== null;
    const at = pinned ? { atSeconds } : {};
    const done = await submit.run(() =>
      api<CallComment>('POST', `/api/calls/${callId}/comments`, { body, ...at }),
    );
    if (!done) return;
    setBody('');
    setAdded(true);
    await list.reload();
  }
  const comments = [...(list.data?.comments ?? [])].sort(byMoment);
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      <ApiNotice error={list.error} />
      {list.data && comments.length === 0 ? <p>{t('comments.none')}</p> : null}
      <ul className="rows" data-testid="comments">
        {comments.map((comment) => (
          <li key={comment.id} className="row card" data-comment={comment.id}>
            <div className="row-main">
              <span className="comment-moment">
                {comment.atSeconds === null
                  ? t('comments.whole')
                  : t('comments.at', { moment: moment(comment.atSeconds) })}
              </span>
              <p className="wrap comment-body">{comment.body}</p>
              <span className="muted">
                {t('comments.by', {
                  name: comment.authorName ?? t('dash.formerMember'),
                  when: whenIn(locale, comment.createdAt, timeZone),
                })}
              </span>
            </div>
            {comment.atSeconds !== null && onSeek ? (
              <div className="row-actions">
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => onSeek(comment.atSeconds ?? 0)}
                >
                  {t('comments.seek', { moment: moment(comment.atSeconds) })}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={add} noValidate>
        <TextAreaField
          label={t('comments.body')}
          value={body}
          rows={3}
          onChange={(e) => setBody(e.target.value)}
          error={submit.error?.fields.body}
        />
        <ApiNotice error={submit.error} />
        <div className="inline-actions">
          {atSeconds !== null ? (
            <button type="submit" disabled={submit.busy} data-pin="moment">
              {t('comments.addAt', { moment: moment(atSeconds) })}
            </button>
          ) : null}
          <button
            type="submit"
            className={atSeconds !== null ? 'secondary' : undefined}
            disabled={submit.busy}
            data-pin="whole"
          >
            {t('comments.addWhole')}
          </button>
        </div>
        <Done text={added ? t('comments.added') : null} />
      </form>
    </section>
  );
}
