import { describe, expect, it } from 'vitest';
import { simulatorCallAudio } from '../src/dialer/call-audio.ts';
import { type CallState, callReducer, IDLE } from '../src/dialer/call-state.ts';
import { dialableBefore, positionAfterDialable } from '../src/dialer/caret.ts';
import {
  dialRequestFromMessage,
  dialRequestFromUrl,
  withoutDialRequest,
} from '../src/dialer/dial-request.ts';
import { plainTabHost } from '../src/dialer/host-bridge.ts';
import { parseLiveCallEvent } from '../src/dialer/live-event.ts';
import { formatAsYouType, toE164 } from '../src/dialer/phone-format.ts';
import { dialerEn, dialerFr } from '../src/dialer/texts.ts';

const ME = 'm-1';
const caller = { from: '+33612345678', contact: null };
const ringing: CallState = { phase: 'ringing', callId: 'c1', caller };

describe('the call on screen follows the live events', () => {
  it('rings only for calls that ring this member', () => {
    const event = { type: 'incoming_call', callId: 'c1', memberIds: ['other'], ...caller } as const;
    expect(callReducer(IDLE, { kind: 'live', event, me: ME, now: 0 })).toBe(IDLE);
    expect(callReducer(IDLE, { kind: 'live', event: { ...event, memberIds: [ME] }, me: ME, now: 0 })).toEqual(
      ringing,
    );
  });

  it('goes in call when this member answered, and back to idle with a notice when a teammate did', () => {
    const mine = callReducer(ringing, {
      kind: 'live',
      event: { type: 'call_answered', callId: 'c1', answeredBy: ME },
      me: ME,
      now: 42,
    });
    expect(mine).toEqual({ phase: 'in_call', callId: 'c1', caller, since: 42 });
    const theirs = callReducer(ringing, {
      kind: 'live',
      event: { type: 'call_answered', callId: 'c1', answeredBy: 'other' },
      me: ME,
      now: 42,
    });
    expect(theirs).toEqual({ phase: 'idle', notice: 'answered_elsewhere' });
  });

  it('ends with the server’s result, and a new call does not replace one in progress', () => {
    const inCall: CallState = { phase: 'in_call', callId: 'c1', caller, since: 0 };
    const other = { type: 'incoming_call', callId: 'c2', memberIds: [ME], ...caller } as const;
    expect(callReducer(inCall, { kind: 'live', event: other, me: ME, now: 1 })).toBe(inCall);
    expect(
      callReducer(inCall, {
        kind: 'live',
        event: { type: 'call_ended', callId: 'c1', result: 'answered' },
        me: ME,
        now: 1,
      }),
    ).toEqual({ phase: 'ended', callId: 'c1', caller, result: 'answered' });
  });

  it('ignores events of another call and malformed payloads', () => {
    const ended = { type: 'call_ended', callId: 'zz', result: null } as const;
    expect(callReducer(ringing, { kind: 'live', event: ended, me: ME, now: 0 })).toBe(ringing);
    expect(parseLiveCallEvent('not json')).toBeNull();
    expect(parseLiveCallEvent('{"type":"presence","memberId":"x"}')).toBeNull();
    expect(parseLiveCallEvent('{"type":"call_answered","callId":"c1","answeredBy":"m"}')).toEqual({
      type: 'call_answered',
      callId: 'c1',
      answeredBy: 'm',
    });
  });
});

describe('numbers typed, linked or sent by a host', () => {
  it('formats as typed in the account’s country and sends E.164 only when complete', () => {
    expect(formatAsYouType('0612345678', 'FR')).toBe('06 12 34 56 78');
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(toE164('0612', 'FR')).toBeNull();
    expect(toE164('+1 415 555 2671', 'FR')).toBe('+14155552671');
  });

  it('keeps the caret after the same digit when the number is regrouped', () => {
    // Typing 7 after "06 9|8" gives "06 97|8" raw, formatted "06 97 8": the caret follows the 7.
    const typed = '06 978';
    const count = dialableBefore(typed, 5);
    expect(count).toBe(4);
    expect(positionAfterDialable('06 97 8', count)).toBe(5);
    expect(positionAfterDialable('06 97 8', 0)).toBe(0);
    expect(positionAfterDialable('06', 9)).toBe(2);
  });

  it('reads ?call=, tel: URIs and parley.dial messages, and nothing else', () => {
    expect(dialRequestFromUrl('?call=%2B33612345678')).toBe('+33612345678');
    expect(dialRequestFromUrl(`?call=${encodeURIComponent('tel:+33-6-12-34-56-78;ext=12')}`)).toBe(
      '+33612345678',
    );
    expect(dialRequestFromUrl('?lang=fr')).toBeNull();
    expect(dialRequestFromMessage({ type: 'parley.dial', number: '06 12 34 56 78' })).toBe('0612345678');
    expect(dialRequestFromMessage({ type: 'other', number: '0612345678' })).toBeNull();
    expect(dialRequestFromMessage('parley.dial')).toBeNull();
  });

  it('forgets the link’s number once dialed, so a reload does not call again', () => {
    expect(withoutDialRequest('https://p.example/dialer?lang=fr&call=%2B33612345678')).toBe(
      'https://p.example/dialer?lang=fr',
    );
  });
});

describe('the plain-tab host bridge', () => {
  function framedWindow(parentOrigin: string) {
    const posted: Array<{ message: unknown; origin: string }> = [];
    const listeners: Array<(event: MessageEvent) => void> = [];
    const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
    const win = {
      parent,
      location: { origin: 'https://parley.example', ancestorOrigins: [parentOrigin] },
      document: { referrer: '' },
      addEventListener: (_: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
      removeEventListener: () => undefined,
      open: () => null,
    };
    const deliver = (origin: string, data: unknown) => {
      for (const listener of listeners) listener({ origin, data } as MessageEvent);
    };
    return { win: win as unknown as Window, posted, deliver };
  }

  it('takes dial requests from the framing page only, and reports only to its origin', () => {
    const { win, posted, deliver } = framedWindow('https://crm.example');
    const host = plainTabHost(win);
    const asked: string[] = [];
    host.onDialRequest((number) => asked.push(number));
    deliver('https://evil.example', { type: 'parley.dial', number: '+33600000001' });
    deliver('https://crm.example', { type: 'parley.dial', number: '+33612345678' });
    expect(asked).toEqual(['+33612345678']);
    host.callStarted({ callId: 'c1', direction: 'outbound', number: '+33612345678', contact: null });
    host.openRecord({ url: 'https://crm.example/contacts/1', crm: 'hubspot' });
    expect(posted.map((p) => [p.origin, (p.message as { type: string }).type])).toEqual([
      ['https://crm.example', 'parley.callStarted'],
      ['https://crm.example', 'parley.openRecord'],
    ]);
  });
});

describe('the simulator’s call audio', () => {
  it('reflects mute, hold, digits and transfer, and starts clean for the next call', () => {
    const audio = simulatorCallAudio();
    let changes = 0;
    audio.subscribe(() => changes++);
    audio.setMuted(true);
    audio.setOnHold(true);
    audio.sendDigit('1');
    audio.sendDigit('#');
    audio.transfer('+33612345678');
    expect(audio.carriesAudio).toBe(false);
    expect(audio.state()).toMatchObject({
      muted: true,
      onHold: true,
      digits: '1#',
      transferTarget: '+33612345678',
    });
    audio.reset();
    expect(audio.state()).toMatchObject({ muted: false, onHold: false, digits: '', transferTarget: null });
    expect(changes).toBe(6);
  });
});

describe('the dialer’s texts', () => {
  it('has French for every English text, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(dialerEn))
      expect(placeholders(dialerFr[key as keyof typeof dialerFr]), key).toEqual(placeholders(english));
  });
});
