/**
 * What the in-call controls act on. With Twilio, an implementation wraps the Voice SDK's Device
 * and Call (`call.mute()`, `call.sendDigits()`, …); that SDK is not bundled yet, so the only
 * implementation here is the simulator's, which carries no audio and only reflects the state.
 */
export interface CallAudioState {
  muted: boolean;
  onHold: boolean;
  /** Every DTMF digit sent during this call, in order. */
  digits: string;
  /** The member id or E.164 number a transfer was asked for. */
  transferTarget: string | null;
}

export interface CallAudio {
  /** True when this implementation really carries sound; false shows the "audio needs Twilio" notice. */
  readonly carriesAudio: boolean;
  state(): CallAudioState;
  subscribe(listener: () => void): () => void;
  answer(): void;
  decline(): void;
  setMuted(muted: boolean): void;
  setOnHold(onHold: boolean): void;
  sendDigit(digit: string): void;
  transfer(target: string): void;
  hangUp(): void;
  /** A new call starts from a clean state. */
  reset(): void;
}

const FRESH: CallAudioState = { muted: false, onHold: false, digits: '', transferTarget: null };

/** The simulator plays calls on the server from a script: here mute, hold, digits and transfer are state only. */
export function simulatorCallAudio(): CallAudio {
  let current = FRESH;
  const listeners = new Set<() => void>();
  const set = (next: Partial<CallAudioState>) => {
    current = { ...current, ...next };
    for (const listener of listeners) listener();
  };
  return {
    carriesAudio: false,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    answer: () => undefined,
    decline: () => undefined,
    setMuted: (muted) => set({ muted }),
    setOnHold: (onHold) => set({ onHold }),
    sendDigit: (digit) => set({ digits: current.digits + digit }),
    transfer: (target) => set({ transferTarget: target }),
    hangUp: () => undefined,
    reset: () => set(FRESH),
  };
}
