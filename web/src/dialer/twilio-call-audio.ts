import type { Call, Device } from '@twilio/voice-sdk';
import { audioStore, type CallAudio, FRESH_AUDIO } from './call-audio.ts';
import { audioProblemOf } from './call-quality.ts';

/**
 * The Voice SDK's Call and Device as this port uses them, picked from the SDK's own types: a
 * method the SDK does not have, or a Device event it never emits, fails the type-check. Tests
 * drive the port with fakes of these shapes; the real SDK cannot reach Twilio from here.
 */
export interface VoiceCall extends Pick<Call, 'accept' | 'reject' | 'disconnect' | 'mute' | 'sendDigits'> {
  // The SDK types Call events as plain strings: these are the names its documentation gives.
  on(event: 'disconnect' | 'cancel' | 'reject', listener: () => void): unknown;
  on(event: 'error', listener: (error: SdkError) => void): unknown;
  on(event: 'warning' | 'warning-cleared', listener: (name: string) => void): unknown;
}

type SdkError = { code?: number; message?: string };

export interface VoiceDevice extends Pick<Device, 'register' | 'updateToken' | 'destroy'> {
  connect(options: Device.ConnectOptions): Promise<VoiceCall>;
  on(event: `${Device.EventName.Incoming}`, listener: (call: VoiceCall) => void): unknown;
  on(event: `${Device.EventName.Error}`, listener: (error: SdkError) => void): unknown;
  on(event: `${Device.EventName.TokenWillExpire}`, listener: () => void): unknown;
}

export interface TwilioCallAudio extends CallAudio {
  /** Registers the Device so incoming calls ring this browser. */
  start(): Promise<void>;
  /** An outbound browser call, with the params POST /api/calls answered (`To`, `contactId`). */
  place(params: Record<string, string>): Promise<void>;
  stop(): void;
}

/**
 * CallAudio over the Voice SDK. Incoming calls are accepted or rejected in the browser; mute and
 * DTMF act on the live Call; hang-up disconnects it; the token is renewed before it expires
 * (`tokenWillExpire`). Hold is not offered: the SDK has none and Parley has no server-side hold
 * yet (the customer's leg would have to be parked in a conference or a queue).
 */
export function twilioCallAudio(device: VoiceDevice, freshToken: () => Promise<string>): TwilioCallAudio {
  const store = audioStore();
  let pending: VoiceCall | null = null;
  let active: VoiceCall | null = null;
  const fail = (error: SdkError) => store.set({ problem: audioProblemOf(error) });

  function follow(call: VoiceCall) {
    const over = () => {
      if (pending === call) pending = null;
      if (active === call) {
        active = null;
        store.set({ connected: false });
      }
    };
    call.on('disconnect', over);
    call.on('cancel', over);
    call.on('reject', over);
    call.on('error', fail);
    call.on('warning', (name: string) => {
      const warnings = store.state().warnings;
      if (!warnings.includes(name)) store.set({ warnings: [...warnings, name] });
    });
    call.on('warning-cleared', (name: string) =>
      store.set({ warnings: store.state().warnings.filter((w) => w !== name) }),
    );
  }

  device.on('incoming', (call: VoiceCall) => {
    pending = call;
    follow(call);
  });
  device.on('error', fail);
  device.on('tokenWillExpire', () => {
    freshToken().then((token) => device.updateToken(token), fail);
  });

  return {
    carriesAudio: true,
    canHold: false,
    state: store.state,
    subscribe: store.subscribe,
    start: () => device.register().catch(fail),
    async place(params) {
      try {
        active = await device.connect({ params });
        follow(active);
        store.set({ connected: true });
      } catch (error) {
        fail(error as SdkError);
      }
    },
    // Only one call rings a dialer at a time; the server's call id is not the SDK's.
    answer() {
      if (!pending) return;
      pending.accept();
      active = pending;
      pending = null;
      store.set({ connected: true });
    },
    decline() {
      pending?.reject();
      pending = null;
    },
    setMuted(muted) {
      active?.mute(muted);
      store.set({ muted });
    },
    setOnHold: () => undefined,
    sendDigit(digit) {
      active?.sendDigits(digit);
      store.set({ digits: store.state().digits + digit });
    },
    transfer: (target) => store.set({ transferTarget: target }),
    hangUp() {
      active?.disconnect();
      active = null;
      store.set({ connected: false });
    },
    reset: () => store.set(FRESH_AUDIO),
    stop: () => device.destroy(),
  };
}

/** The real Device, loaded only when Twilio is configured so the simulator's bundle stays small. */
export async function createVoiceDevice(token: string): Promise<VoiceDevice> {
  const { Device } = await import('@twilio/voice-sdk');
  return new Device(token, { closeProtection: true });
}
