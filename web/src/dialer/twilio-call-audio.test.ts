import { describe, expect, it } from 'vitest';
import {
  type TwilioCallAudio,
  twilioCallAudio,
  type VoiceCall,
  type VoiceDevice,
} from './twilio-call-audio.ts';

type Listener = (...args: never[]) => void;

/** Listeners by event name, and a way to fire them as the SDK would. */
function emitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return this;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
    },
  };
}

/** A Call as the SDK documents it: what the port did to it is recorded. */
function fakeCall() {
  const events = emitter();
  const did: string[] = [];
  const call: VoiceCall & { emit: typeof events.emit; did: string[] } = {
    on: events.on as VoiceCall['on'],
    emit: events.emit,
    did,
    accept: () => {
      did.push('accept');
    },
    reject: () => {
      did.push('reject');
    },
    disconnect: () => {
      did.push('disconnect');
    },
    mute: (muted?: boolean) => {
      did.push(`mute:${muted}`);
    },
    sendDigits: (digits: string) => {
      did.push(`digits:${digits}`);
    },
  };
  return call;
}

function fakeDevice(options: { registerFails?: { code: number; message: string } } = {}) {
  const events = emitter();
  const tokens: string[] = [];
  const connected: Record<string, string>[] = [];
  let nextCall = fakeCall();
  const device: VoiceDevice & {
    emit: typeof events.emit;
    tokens: string[];
    connected: Record<string, string>[];
    nextCall: () => ReturnType<typeof fakeCall>;
    destroyed: boolean;
  } = {
    on: events.on as VoiceDevice['on'],
    emit: events.emit,
    tokens,
    connected,
    destroyed: false,
    nextCall: () => nextCall,
    register: () => (options.registerFails ? Promise.reject(options.registerFails) : Promise.resolve()),
    updateToken: (token: string) => {
      tokens.push(token);
    },
    connect: async (connectOptions) => {
      connected.push(connectOptions.params ?? {});
      const call = nextCall;
      nextCall = fakeCall();
      return call;
    },
    destroy() {
      device.destroyed = true;
    },
  };
  return device;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function port(device: ReturnType<typeof fakeDevice>, token = async () => 'fresh-token'): TwilioCallAudio {
  return twilioCallAudio(device, token);
}

describe('the Twilio call audio over the Voice SDK', () => {
  it('accepts the incoming call when the rep answers, then mutes, sends digits and hangs up on it', () => {
    const device = fakeDevice();
    const audio = port(device);
    const call = fakeCall();
    device.emit('incoming', call);
    audio.answer('call-1');
    audio.setMuted(true);
    audio.sendDigit('4');
    audio.sendDigit('#');
    audio.hangUp('call-1');
    expect(call.did).toEqual(['accept', 'mute:true', 'digits:4', 'digits:#', 'disconnect']);
    expect(audio.state()).toMatchObject({ muted: true, digits: '4#' });
    expect(audio.carriesAudio).toBe(true);
  });

  it('rejects the incoming call when the rep declines, and has nothing left to answer', () => {
    const device = fakeDevice();
    const audio = port(device);
    const call = fakeCall();
    device.emit('incoming', call);
    audio.decline('call-1');
    audio.answer('call-1');
    expect(call.did).toEqual(['reject']);
  });

  it('forgets a call the caller hung up before it was answered', () => {
    const device = fakeDevice();
    const audio = port(device);
    const call = fakeCall();
    device.emit('incoming', call);
    call.emit('cancel');
    audio.answer('call-1');
    expect(call.did).toEqual([]);
  });

  it('places a browser call with the params the server gave, and controls that call', async () => {
    const device = fakeDevice();
    const audio = port(device);
    const call = device.nextCall();
    await audio.place({ To: '+33612345678', contactId: 'c1' });
    expect(audio.state().connected).toBe(true);
    audio.sendDigit('1');
    audio.hangUp('call-2');
    expect(device.connected).toEqual([{ To: '+33612345678', contactId: 'c1' }]);
    expect(call.did).toEqual(['digits:1', 'disconnect']);
    expect(audio.state().connected).toBe(false);
  });

  it('knows the call is over when the other side hangs up', async () => {
    const device = fakeDevice();
    const audio = port(device);
    const call = device.nextCall();
    await audio.place({ To: '+33612345678' });
    call.emit('disconnect');
    audio.hangUp('call-3');
    expect(audio.state().connected).toBe(false);
    expect(call.did).toEqual([]);
  });

  it('renews the token when the SDK says it will expire', async () => {
    const device = fakeDevice();
    port(device);
    device.emit('tokenWillExpire');
    await settle();
    expect(device.tokens).toEqual(['fresh-token']);
  });

  it('keeps the quality warnings raised on the call until they clear', () => {
    const device = fakeDevice();
    const audio = port(device);
    const call = fakeCall();
    device.emit('incoming', call);
    audio.answer('call-1');
    call.emit('warning', 'high-rtt');
    call.emit('warning', 'high-packet-loss');
    call.emit('warning', 'high-rtt');
    expect(audio.state().warnings).toEqual(['high-rtt', 'high-packet-loss']);
    call.emit('warning-cleared', 'high-rtt');
    expect(audio.state().warnings).toEqual(['high-packet-loss']);
  });

  it('turns the SDK’s errors into advice: a refused microphone, a token that could not be renewed', async () => {
    const device = fakeDevice({ registerFails: { code: 20101, message: 'Invalid Access Token' } });
    const audio = port(device, async () => {
      throw Object.assign(new Error('offline'), { code: 31009 });
    });
    await audio.start();
    expect(audio.state().problem).toEqual({ key: 'audio.tokenRejected' });
    device.emit('error', { code: 31401, message: 'Permission denied' });
    expect(audio.state().problem).toEqual({ key: 'audio.microphoneBlocked' });
    device.emit('tokenWillExpire');
    await settle();
    expect(audio.state().problem).toEqual({ key: 'audio.networkLost' });
  });

  it('offers no hold, says so, and destroys the Device when stopped', () => {
    const device = fakeDevice();
    const audio = port(device);
    audio.setOnHold(true);
    expect(audio.canHold).toBe(false);
    expect(audio.state().onHold).toBe(false);
    audio.stop();
    expect(device.destroyed).toBe(true);
  });
});
