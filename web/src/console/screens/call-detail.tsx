import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { duration, whenIn } from '../format.ts';
import { useLoad } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallSummary, ConsoleMe, Member } from '../types.ts';
import { BusinessOnly } from './business-only.tsx';
import { CallComments } from './call-comments.tsx';

/** One call for a coach: what happened, the recording, the transcript when there is one, and comments. */
export function CallDetailScreen({ me, callId }: { me: ConsoleMe; callId: string }) {
  const t = useConsoleText();
  return (
    <BusinessOnly me={me} feature="supervision" title={t('sup.title')}>
      <CallDetail me={me} callId={callId} />
    </BusinessOnly>
  );
}

function CallDetail({ me, callId }: { me: ConsoleMe; callId: string }) {
  const t = useConsoleText();
  const { locale } = useI18n();
  const call = useLoad<CallSummary>(`/api/calls/${callId}`);
  const members = useLoad<{ members: Member[] }>('/api/team/members');
  const audio = useRef<HTMLAudioElement>(null);
  const [position, setPosition] = useState(0);
  const [unplayable, setUnplayable] = useState(false);
  const record = call.data?.record ?? null;
  const nameOf = (id: string | undefined) => members.data?.members.find((m) => m.id === id)?.name;
  const at = call.data ? whenIn(locale, call.data.createdAt, me.account.timeZone) : '';
  function seek(seconds: number) {
    if (!audio.current) return;
    audio.current.currentTime = seconds;
    setPosition(seconds);
    void audio.current.play().catch(() => setUnplayable(true));
  }
  const answeredBy = nameOf(record?.answeredBy);
  const placedBy = nameOf(record?.placedBy);
  return (
    <section aria-labelledby="call-title">
      <p>
        <Link to="/supervision">{t('sup.back')}</Link>
      </p>
      <h1 id="call-title">{call.data ? t('sup.callTitle', { when: at }) : t('sup.title')}</h1>
      <ApiNotice error={call.error ?? members.error} />
      {call.data ? (
        <div className="card call-facts">
          <strong className="wrap">
            {call.data.direction === 'inbound'
              ? t('sup.inbound', { from: call.data.from })
              : t('sup.outbound', { to: call.data.to })}
          </strong>
          <span>{call.data.result ? t(`sup.result.${call.data.result}`) : t('sup.result.live')}</span>
          {answeredBy ? <span>{t('sup.answeredBy', { name: answeredBy })}</span> : null}
          {placedBy ? <span>{t('sup.placedBy', { name: placedBy })}</span> : null}
          {record?.talkSeconds ? (
            <span>{t('sup.talk', { duration: duration(locale, record.talkSeconds) })}</span>
          ) : null}
          {record?.disposition ? (
            <span>{t('sup.disposition', { disposition: record.disposition })}</span>
          ) : null}
          {record?.notes ? <span className="wrap">{t('sup.notes', { notes: record.notes })}</span> : null}
        </div>
      ) : null}
      {call.data ? (
        <>
          <h2>{t('sup.recording')}</h2>
          {record?.recording ? (
            <div className="card">
              {/* biome-ignore lint/a11y/useMediaCaption: call recordings have no captions; the transcript below stands for them */}
              <audio
                ref={audio}
                controls
                preload="metadata"
                src={record.recording.url}
                aria-label={t('sup.player')}
                className="player"
                onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
                onError={() => setUnplayable(true)}
              />
              {unplayable ? (
                <p className="notice" role="status">
                  {t('sup.playerFailed')}
                </p>
              ) : null}
            </div>
          ) : (
            <p>{t('sup.noRecording')}</p>
          )}
          <h2>{t('sup.transcript')}</h2>
          {record?.voicemail?.transcript ? (
            <div className="card">
              <h3>{t('sup.voicemail')}</h3>
              <p className="wrap">{record.voicemail.transcript}</p>
            </div>
          ) : null}
          <p className="muted">{t('sup.noTranscript')}</p>
          <CallComments
            callId={callId}
            position={record?.recording ? position : null}
            timeZone={me.account.timeZone}
            onSeek={record?.recording ? seek : null}
          />
        </>
      ) : null}
    </section>
  );
}
