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

/** Replies of each thread, oldest first (the API threads them one level deep). */
function repliesByThread(comments: CallComment[]): Map<string, CallComment[]> {
  const threads = new Map<string, CallComment[]>();
  for (const c of comments) {
    if (c.parentId === null) continue;
    threads.set(c.parentId, [...(threads.get(c.parentId) ?? []), c]);
  }
  for (const replies of threads.values()) replies.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return threads;
}

/**
 * A coach's comments on a call, each with its replies (the rep answers the coach, the coach answers
 * back). With a recording, a comment can be pinned to where the player is
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
  const all = list.data?.comments ?? [];
  const comments = all.filter((c) => c.parentId === null).sort(byMoment);
  const replies = repliesByThread(all);
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
              <Replies
                callId={callId}
                parent={comment}
                replies={replies.get(comment.id) ?? []}
                timeZone={timeZone}
                onSent={list.reload}
              />
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

/** A thread's replies and the form to answer it. */
function Replies({
  callId,
  parent,
  replies,
  timeZone,
  onSent,
}: {
  callId: string;
  parent: CallComment;
  replies: CallComment[];
  timeZone: string;
  onSent: () => Promise<void>;
}) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const submit = useSubmit();
  async function send(event: FormEvent) {
    event.preventDefault();
    const done = await submit.run(() =>
      api<CallComment>('POST', `/api/calls/${callId}/comments`, { body, parentId: parent.id }),
    );
    if (!done) return;
    setBody('');
    setOpen(false);
    await onSent();
  }
  const name = parent.authorName ?? t('dash.formerMember');
  return (
    <>
      {replies.length > 0 ? (
        <ul className="comment-replies" aria-label={t('comments.replies', { count: replies.length })}>
          {replies.map((reply) => (
            <li key={reply.id} data-comment={reply.id}>
              <p className="wrap comment-body">{reply.body}</p>
              <span className="muted">
                {t('comments.by', {
                  name: reply.authorName ?? t('dash.formerMember'),
                  when: whenIn(locale, reply.createdAt, timeZone),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <form onSubmit={send} noValidate aria-label={t('comments.replyTo', { name })}>
          <TextAreaField
            label={t('comments.replyBody')}
            value={body}
            rows={2}
            onChange={(e) => setBody(e.target.value)}
            error={submit.error?.fields.body}
          />
          <ApiNotice error={submit.error} />
          <button type="submit" className="small" disabled={submit.busy}>
            {t('comments.sendReply')}
          </button>
        </form>
      ) : (
        <button type="button" className="secondary small" onClick={() => setOpen(true)}>
          {t('comments.reply')}
        </button>
      )}
    </>
  );
}
