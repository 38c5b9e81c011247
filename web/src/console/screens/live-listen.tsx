import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import type { CallSummary } from '../types.ts';

type Mode = 'listen' | 'whisper' | 'barge';
const MODES: Mode[] = ['listen', 'whisper', 'barge'];

interface Supervision {
  id: string;
  supervisorMemberId: string;
  mode: Mode;
}

/**
 * Listen, whisper or barge into a live call: the first press calls the admin's dialer into the
 * call, the others switch modes on the same leg; Leave hangs up the admin's side only.
 */
export function LiveListenButtons({ call, memberId }: { call: CallSummary; memberId: string }) {
  const t = useConsoleText();
  const open = useLoad<{ supervisions: Supervision[] }>(`/api/calls/${call.id}/supervisions`);
  const [mine, setMine] = useState<Supervision | null | undefined>(undefined);
  const submit = useSubmit();
  // Until the admin acts here, an open supervision of theirs (another tab, a reload) is theirs to drive.
  const current =
    mine === undefined
      ? (open.data?.supervisions.find((s) => s.supervisorMemberId === memberId) ?? null)
      : mine;
  const answered = Boolean(call.record?.answeredBy);

  async function choose(mode: Mode) {
    const done = await submit.run(() =>
      current
        ? api<Supervision>('PATCH', `/api/supervisions/${current.id}`, { mode })
        : api<Supervision>('POST', `/api/calls/${call.id}/supervisions`, { mode }),
    );
    if (done) setMine(done);
  }
  async function leave() {
    if (!current) return;
    const left = await submit.run(async () => {
      await api('DELETE', `/api/supervisions/${current.id}`);
      return true;
    });
    if (left) setMine(null);
  }
  if (!answered) return null;
  return (
    <div className="live-listen" data-testid="live-listen">
      {MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          className={current?.mode === mode ? 'small' : 'secondary small'}
          aria-pressed={current?.mode === mode}
          disabled={submit.busy}
          onClick={() => choose(mode)}
        >
          {t(`sup.${mode}`)}
        </button>
      ))}
      {current ? (
        <button type="button" className="secondary small" disabled={submit.busy} onClick={leave}>
          {t('sup.leave')}
        </button>
      ) : null}
      {current ? (
        <p className="muted" role="status">
          {t(`sup.mode.${current.mode}`)} {mine && mine.id === current.id ? t('sup.dialerRings') : ''}
        </p>
      ) : null}
      <ApiNotice error={submit.error ?? open.error} />
    </div>
  );
}
