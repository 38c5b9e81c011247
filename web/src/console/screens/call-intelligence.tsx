import { type RefObject, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { moment } from '../format.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';

type Stage = 'audio' | 'transcript' | 'summary';
type Speaker = 'rep' | 'customer' | 'unknown';

/** GET /api/calls/:id/intelligence, as the core answers it. */
export interface Intelligence {
  recording: { playUrl: string | null; durationSeconds: number | null; channels: 1 | 2 } | null;
  stages: {
    stage: Stage;
    status: 'pending' | 'done' | 'failed';
    reason: string | null;
    provider: string | null;
  }[];
  transcript: {
    language: string | null;
    engine: string;
    segments: { speaker: Speaker; start: number; end: number; text: string }[];
  } | null;
  summary: {
    kind: 'ai' | 'extract';
    engine: string;
    summary: string;
    nextSteps: string[];
    suggestedDisposition: string | null;
  } | null;
}

/** While a stage runs the page asks again, so the transcript shows up without a reload. */
const REFRESH_MS = 5_000;

/**
 * A call's recording (played from Parley, behind its access control), where each step of the
 * pipeline stands, the transcript by speaker and moment, and the summary — called an extract when
 * it is sentences picked from the transcript rather than written by a model.
 */
export function CallIntelligence({
  callId,
  isAdmin,
  voicemailTranscript,
  audio,
  onTime,
  onSeek,
}: {
  callId: string;
  isAdmin: boolean;
  /** Twilio's own transcription of a voicemail, shown while Parley's is not there. */
  voicemailTranscript: string | null;
  audio: RefObject<HTMLAudioElement | null>;
  onTime: (seconds: number) => void;
  onSeek: (seconds: number) => void;
}) {
  const t = useConsoleText();
  const data = useLoad<Intelligence>(`/api/calls/${callId}/intelligence`);
  const retry = useSubmit();
  const [unplayable, setUnplayable] = useState(false);
  const running = data.data?.stages.some((stage) => stage.status === 'pending') ?? false;
  const { reload } = data;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, reload]);
  if (!data.data) return <ApiNotice error={data.error} />;
  const { recording, stages, transcript, summary } = data.data;
  const failed = stages.some((stage) => stage.status === 'failed');
  async function runAgain() {
    const done = await retry.run(() => api('POST', `/api/calls/${callId}/intelligence/retry`));
    if (done) await reload();
  }
  return (
    <>
      <h2>{t('sup.recording')}</h2>
      {recording?.playUrl ? (
        <div className="card">
          {/* biome-ignore lint/a11y/useMediaCaption: call recordings have no captions; the transcript below stands for them */}
          <audio
            ref={audio}
            controls
            preload="metadata"
            src={recording.playUrl}
            aria-label={t('sup.player')}
            className="player"
            onTimeUpdate={(e) => onTime(e.currentTarget.currentTime)}
            onError={() => setUnplayable(true)}
          />
          {unplayable ? (
            <p className="notice" role="status">
              {t('sup.playerFailed')}
            </p>
          ) : null}
        </div>
      ) : (
        <p>{recording ? t('ci.audioNotKept') : t('sup.noRecording')}</p>
      )}

      {stages.length > 0 ? (
        <section aria-labelledby="stages-title">
          <h3 id="stages-title">{t('ci.stages')}</h3>
          <ul className="rows" data-testid="ai-stages">
            {stages.map((stage) => (
              <li key={stage.stage} data-status={stage.status}>
                <strong>{t(`ci.stage.${stage.stage}`)}</strong> {t(`ci.status.${stage.status}`)}
                {stage.reason ? <span className="wrap"> — {stage.reason}</span> : null}
              </li>
            ))}
          </ul>
          {running ? <p className="muted">{t('ci.refreshing')}</p> : null}
          {failed && isAdmin ? (
            <button type="button" onClick={() => void runAgain()} disabled={retry.busy}>
              {t('ci.retry')}
            </button>
          ) : null}
          <ApiNotice error={retry.error} />
        </section>
      ) : null}

      {summary ? (
        <section aria-labelledby="summary-title" className="card" data-testid="call-summary">
          <h2 id="summary-title">{summary.kind === 'ai' ? t('ci.summaryAi') : t('ci.summaryExtract')}</h2>
          <p className="muted">
            {summary.kind === 'ai' ? t('ci.aiNote', { engine: summary.engine }) : t('ci.extractNote')}
          </p>
          <p className="wrap">{summary.summary}</p>
          {summary.nextSteps.length > 0 ? (
            <>
              <h3>{t('ci.nextSteps')}</h3>
              <ul>
                {summary.nextSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ul>
            </>
          ) : null}
          {summary.suggestedDisposition ? (
            <p>{t('ci.suggested', { disposition: summary.suggestedDisposition })}</p>
          ) : null}
        </section>
      ) : null}

      <h2>{t('sup.transcript')}</h2>
      {transcript ? (
        <div className="card">
          <p className="muted">{t('ci.engine', { engine: transcript.engine })}</p>
          <ol className="rows" data-testid="transcript">
            {transcript.segments.map((segment) => (
              <li key={`${segment.start}-${segment.speaker}`}>
                <button
                  type="button"
                  className="link"
                  disabled={!recording?.playUrl}
                  onClick={() => onSeek(segment.start)}
                  aria-label={t('ci.playFrom', { time: moment(segment.start) })}
                >
                  {moment(segment.start)}
                </button>{' '}
                <strong>{t(`ci.speaker.${segment.speaker}`)}</strong>{' '}
                <span className="wrap">{segment.text}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : voicemailTranscript ? (
        <div className="card">
          <h3>{t('sup.voicemail')}</h3>
          <p className="wrap">{voicemailTranscript}</p>
        </div>
      ) : (
        <p className="muted">{recording ? t('ci.noTranscriptYet') : t('sup.noTranscript')}</p>
      )}
    </>
  );
}
