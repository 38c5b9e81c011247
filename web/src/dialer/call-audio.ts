import { ApiError, api } from '../api/client.ts';
import type { DialerTextKey } from './texts.ts';

/**
 * What the in-call controls act on. With Twilio, `twilio-call-audio.ts` wraps the Voice SDK's
 * Device and Call; on the simulator, which carries no audio, the state is reflected and the
 * member's answer, decline and hang-up go to the server, which the simulator asks.
 */
export interface CallAudioState {
  muted: boolean;
  onHold: boolean;
  /** Every DTMF digit sent during this call, in order. */
  digits: string;
  /** The member id or E.164 number a transfer was asked for. */
  transferTarget: string | null;
  /** The last thing that went wrong with the audio, worded for the rep. */
  problem: AudioProblem | null;
  /** The Voice SDK's quality warnings raised and not cleared yet (high-rtt, low-mos…). */
  warnings: string[];
  /** A browser call carries sound right now (Twilio only: the simulator never does). */
  connected: boolean;
}

export interface AudioProblem {
  key: DialerTextKey;
  params?: Record<string, string | number>;
}

export interface CallAudio {
  /** True when this implementation really carries sound; false shows the "simulator: no audio" notice. */
  readonly carriesAudio: boolean;
  /** False where hold is not built (Twilio: the SDK has none, and no server-side hold yet). */
  readonly canHold: boolean;
  state(): CallAudioState;
  subscribe(listener: () => void): () => void;
  answer(callId: string): void;
  decline(callId: string): void;
  setMuted(muted: boolean): void;
  setOnHold(onHold: boolean): void;
  sendDigit(digit: string): void;
  transfer(target: string): void;
  hangUp(callId: string): void;
  /** A new call starts from a clean state. */
  reset(): void;
}

export const FRESH_AUDIO: CallAudioState = {
  muted: false,
  onHold: false,
  digits: '',
  transferTarget: null,
  problem: null,
  warnings: [],
  connected: false,
};

/** The state and listeners every implementation shares. */
export function audioStore() {
  let current = FRESH_AUDIO;
  const listeners = new Set<() => void>();
  return {
    state: () => current,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next: Partial<CallAudioState>) {
      current = { ...current, ...next };
      for (const listener of listeners) listener();
    },
  };
}

/**
 * The simulator plays calls on the server: mute, hold, digits and transfer are state here; an
 * answer, decline or hang-up is told to the server (POST /api/calls/:id/answer…), where a call
 * started without a scripted answer waits for it.
 */
export function simulatorCallAudio(): CallAudio {
  const store = audioStore();
  const tell = (callId: string, action: 'answer' | 'decline' | 'hangup') => {
    api('POST', `/api/calls/${callId}/${action}`).catch((caught: unknown) =>
      store.set({
        problem: {
          key: 'audio.actionFailed',
          params: { message: caught instanceof ApiError ? caught.message : String(caught) },
        },
      }),
    );
  };
  return {
    carriesAudio: false,
    canHold: true,
    state: store.state,
    subscribe: store.subscribe,
    answer: (callId) => tell(callId, 'answer'),
    decline: (callId) => tell(callId, 'decline'),
    setMuted: (muted) => store.set({ muted }),
    setOnHold: (onHold) => store.set({ onHold }),
    sendDigit: (digit) => store.set({ digits: store.state().digits + digit }),
    transfer: (target) => store.set({ transferTarget: target }),
    hangUp: (callId) => tell(callId, 'hangup'),
    reset: () => store.set(FRESH_AUDIO),
  };
}
