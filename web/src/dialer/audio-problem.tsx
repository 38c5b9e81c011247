import type { CallAudio } from './call-audio.ts';
import { useDialerText } from './texts.ts';
import { useCallAudioState } from './use-call-audio.ts';

/** What went wrong with the audio (microphone, token, network), with what to do about it. */
export function AudioProblem({ audio }: { audio: CallAudio }) {
  const t = useDialerText();
  const { problem } = useCallAudioState(audio);
  if (!problem) return null;
  return (
    <p className="banner warning" role="alert">
      {t(problem.key, problem.params)}
    </p>
  );
}
