import { useRef, useState } from 'react';
import { dispositionLabel } from '../../dialer/dispositions.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { duration, whenIn } from '../format.ts';
import { useLoad } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { Link } from '../router.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallSummary, ConsoleMe, Member } from '../types.ts';
import { BusinessOnly } from './business-only.tsx';
import { CallComments } from './call-comments.tsx';
import { CallIntelligence } from './call-intelligence.tsx';

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
  const record = call.data?.record ?? null;
  const nameOf = (id: string | undefined) => members.data?.members.find((m) => m.id === id)?.name;
  const at = call.data ? whenIn(locale, call.data.createdAt, me.account.timeZone) : '';
  function seek(seconds: number) {
    if (!audio.current) return;
    audio.current.currentTime = seconds;
    setPosition(seconds);
    void audio.current.play().catch(() => undefined);
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
            <span>{t('sup.disposition', { disposition: dispositionLabel(locale, record.disposition) })}</span>
          ) : null}
          {record?.notes ? <span className="wrap">{t('sup.notes', { notes: record.notes })}</span> : null}
        </div>
      ) : null}
      {call.data ? (
        <>
          <CallIntelligence
            callId={callId}
            isAdmin={me.member.role === 'admin'}
            voicemailTranscript={record?.voicemail?.transcript ?? null}
            audio={audio}
            onTime={setPosition}
            onSeek={seek}
          />
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
