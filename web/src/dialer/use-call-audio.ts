import { useSyncExternalStore } from 'react';
import type { CallAudio, CallAudioState } from './call-audio.ts';

/** Re-renders when the audio port's state changes (mute, hold, digits, transfer). */
export function useCallAudioState(audio: CallAudio): CallAudioState {
  return useSyncExternalStore(audio.subscribe, audio.state);
}
