import { useDialerText } from './texts.ts';
import type { VoiceMode } from './use-voice-mode.ts';

/** Says, visibly and always, when the browser carries no sound: never a silent call that looks real. */
export function AudioNotice({ mode }: { mode: VoiceMode }) {
  const t = useDialerText();
  // With Twilio the browser carries the sound: only problems are shown (AudioProblem).
  if (mode === 'loading' || mode === 'twilio') return null;
  const text = mode === 'simulator' ? t('audio.simulator') : t('audio.planRequired');
  return (
    <p className="banner info" role="note">
      {text}
    </p>
  );
}
