import { useState } from 'react';
import type { CallAudio } from './call-audio.ts';
import { Keypad } from './keypad.tsx';
import { useDialerText } from './texts.ts';
import { useCallAudioState } from './use-call-audio.ts';

/**
 * An outbound call the browser placed through Twilio: its record is made by Twilio's webhooks,
 * so here are only the controls that act on the sound — mute, keypad and hang up.
 */
export function BrowserCall({ audio, number }: { audio: CallAudio; number: string }) {
  const t = useDialerText();
  const state = useCallAudioState(audio);
  const [keypad, setKeypad] = useState(false);
  return (
    <section className="call-screen in-call" aria-labelledby="browser-call-title">
      <h2 id="browser-call-title" className="call-phase" aria-live="polite">
        {t('incall.title')}
      </h2>
      <p>{number}</p>
      <div className="call-controls">
        <button
          type="button"
          className="secondary"
          aria-pressed={state.muted}
          onClick={() => audio.setMuted(!state.muted)}
        >
          {state.muted ? t('incall.unmute') : t('incall.mute')}
        </button>
        <button type="button" className="secondary" aria-expanded={keypad} onClick={() => setKeypad(!keypad)}>
          {keypad ? t('incall.hideKeypad') : t('incall.keypad')}
        </button>
      </div>
      {keypad ? <Keypad label={t('incall.keypad')} onKey={(key) => audio.sendDigit(key)} /> : null}
      <button type="button" className="danger hang-up" onClick={() => audio.hangUp('')}>
        {t('incall.hangUp')}
      </button>
    </section>
  );
}
