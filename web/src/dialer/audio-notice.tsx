import { useDialerText } from './texts.ts';
import type { VoiceMode } from './use-voice-mode.ts';

/** Says, visibly and always, when the browser carries no sound: never a silent call that looks real. */
export function AudioNotice({ mode }: { mode: VoiceMode }) {
  const t = useDialerText();
  if (mode === 'loading') return null;
  const text =
    mode === 'simulator'
      ? t('audio.simulator')
      : mode === 'plan'
        ? t('audio.planRequired')
        : t('audio.twilioMissing');
  return (
    <p className="banner info" role="note">
      {text}
    </p>
  );
}
