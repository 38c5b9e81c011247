import type { CountryCode } from 'libphonenumber-js';
import { useState } from 'react';
import type { CallAudio } from './call-audio.ts';
import { warningFor } from './call-quality.ts';
import { CallTimer } from './call-timer.tsx';
import { CallerCard } from './caller-card.tsx';
import { Keypad } from './keypad.tsx';
import type { CallerView } from './live-event.ts';
import { NotesField } from './notes-field.tsx';
import { useDialerText } from './texts.ts';
import { TransferPanel } from './transfer-panel.tsx';
import { useCallAudioState } from './use-call-audio.ts';

/** The call in progress: timer, mute, hold, DTMF keypad, transfer, notes and hang up. */
export function InCall({
  callId,
  me,
  caller,
  since,
  country,
  audio,
  notes,
  onNotesChange,
}: {
  callId: string;
  me: string;
  caller: CallerView;
  since: number;
  country: CountryCode;
  audio: CallAudio;
  notes: string;
  onNotesChange: (notes: string) => void;
}) {
  const t = useDialerText();
  const state = useCallAudioState(audio);
  const [panel, setPanel] = useState<'none' | 'keypad' | 'transfer'>('none');
  const [transferLabel, setTransferLabel] = useState<string | null>(null);
  const toggle = (next: 'keypad' | 'transfer') => setPanel(panel === next ? 'none' : next);
  const warning = warningFor(state.warnings);
  return (
    <section className="call-screen in-call" aria-labelledby="incall-title">
      <h2 id="incall-title" className="call-phase" aria-live="polite">
        {t('incall.title')}
      </h2>
      <CallerCard caller={caller} country={country} />
      <CallTimer since={since} />
      {warning ? (
        <p className="banner warning" role="alert">
          {t(warning)}
        </p>
      ) : null}
      <output className="call-flags">
        {state.muted ? <span className="call-flag">{t('incall.muted')}</span> : null}
        {state.onHold ? <span className="call-flag">{t('incall.onHold')}</span> : null}
      </output>
      <div className="call-controls">
        <button
          type="button"
          className="secondary"
          aria-pressed={state.muted}
          onClick={() => audio.setMuted(!state.muted)}
        >
          {state.muted ? t('incall.unmute') : t('incall.mute')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={state.onHold}
          disabled={!audio.canHold}
          aria-describedby={audio.canHold ? undefined : 'hold-unavailable'}
          onClick={() => audio.setOnHold(!state.onHold)}
        >
          {state.onHold ? t('incall.resume') : t('incall.hold')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={panel === 'keypad'}
          onClick={() => toggle('keypad')}
        >
          {panel === 'keypad' ? t('incall.hideKeypad') : t('incall.keypad')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={panel === 'transfer'}
          onClick={() => toggle('transfer')}
        >
          {t('incall.transfer')}
        </button>
      </div>
      {audio.canHold ? null : (
        <p className="muted" id="hold-unavailable">
          {t('incall.holdUnavailable')}
        </p>
      )}
      {panel === 'keypad' ? (
        <>
          <Keypad label={t('incall.keypad')} onKey={(key) => audio.sendDigit(key)} />
          {state.digits ? <p className="muted">{t('incall.sentDigits', { digits: state.digits })}</p> : null}
        </>
      ) : null}
      {panel === 'transfer' ? (
        <TransferPanel
          callId={callId}
          me={me}
          country={country}
          onTransferred={(done) => {
            audio.transfer(done.to);
            setTransferLabel(done.label);
            setPanel('none');
          }}
        />
      ) : null}
      {state.transferTarget && transferLabel ? (
        <p role="status">{t('incall.transferred', { target: transferLabel })}</p>
      ) : null}
      <NotesField value={notes} onChange={onNotesChange} />
      <button type="button" className="danger hang-up" onClick={() => audio.hangUp(callId)}>
        {t('incall.hangUp')}
      </button>
    </section>
  );
}
