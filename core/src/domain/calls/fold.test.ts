import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { CALL_STATUSES, type CallStatus, isTerminal } from './call-status.ts';
import type { CallEvent } from './events.ts';
import { foldCall } from './fold.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
/** Instants `s` seconds after T0; fractions stand for our own millisecond stamps. */
const at = (s: number) => new Date(T0 + s * 1000);

const PARENT = 'CA00parent';
const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const CONTACT = '33333333-3333-4333-8333-333333333333';
const OTHER_CONTACT = '44444444-4444-4444-8444-444444444444';
const TEAM_NUMBER = '+33198765432';
const CUSTOMER = '+33612345678';

function created(s = 0, extra: Partial<Extract<CallEvent, { type: 'call.created' }>> = {}): CallEvent {
  return {
    type: 'call.created',
    sid: PARENT,
    direction: 'inbound',
    from: CUSTOMER,
    to: TEAM_NUMBER,
    numberE164: TEAM_NUMBER,
    at: at(s),
    ...extra,
  };
}

function status(
  sid: string,
  callStatus: CallStatus,
  s: number,
  extra: { sequence?: number; durationSeconds?: number; parentSid?: string; to?: string } = {},
): CallEvent {
  const parentSid = sid === PARENT ? undefined : PARENT;
  return { type: 'call.status', sid, status: callStatus, at: at(s), parentSid, ...extra };
}

function leg(sid: string, memberId: string, s: number): CallEvent {
  return { type: 'leg.created', sid, parentSid: PARENT, memberId, to: `client:${memberId}`, at: at(s) };
}

/** A member leg rung at `s`, with Twilio's callbacks numbered from 0. */
function rung(sid: string, memberId: string, s: number): CallEvent[] {
  return [
    leg(sid, memberId, s),
    status(sid, 'queued', s, { sequence: 0 }),
    status(sid, 'ringing', s, { sequence: 1 }),
  ];
}

function voicemail(s: number, durationSeconds = 12): CallEvent {
  return {
    type: 'voicemail.recorded',
    recordingSid: 'RE00voicemail',
    url: 'https://api.twilio.com/recordings/RE00voicemail',
    durationSeconds,
    at: at(s),
  };
}

describe('foldCall: who answered', () => {
  const simultaneous = [
    created(),
    status(PARENT, 'ringing', 0),
    ...rung('CA0a', ALICE, 0),
    ...rung('CA0b', BOB, 0),
  ];

  it('gives a simultaneous ring to the earlier of two members answering a second apart', () => {
    const record = foldCall([
      ...simultaneous,
      status('CA0b', 'in-progress', 6, { sequence: 2 }),
      status('CA0a', 'in-progress', 7, { sequence: 2 }),
      status('CA0a', 'completed', 7, { sequence: 3, durationSeconds: 0 }),
      status('CA0b', 'completed', 66, { sequence: 3, durationSeconds: 60 }),
      status(PARENT, 'completed', 66, { durationSeconds: 66 }),
    ]);
    expect(record).toMatchObject({
      result: 'answered',
      answeredBy: BOB,
      answeredAt: at(6),
      ringSeconds: 6,
      talkSeconds: 60,
      final: true,
    });
    expect([...record.rungMemberIds].sort()).toEqual([ALICE, BOB]);
  });

  it('breaks a tie within the same second by sequence number', () => {
    const record = foldCall([
      ...simultaneous,
      status('CA0a', 'in-progress', 6, { sequence: 10 }),
      status('CA0b', 'in-progress', 6, { sequence: 9 }),
    ]);
    expect(record.answeredBy).toBe(BOB);
  });

  it('keeps the other legs canceled and records one winner', () => {
    const record = foldCall([
      ...simultaneous,
      status('CA0a', 'in-progress', 5, { sequence: 2 }),
      status('CA0b', 'canceled', 5, { sequence: 2 }),
    ]);
    expect(record.answeredBy).toBe(ALICE);
    expect(record.legs.map((l) => [l.memberId, l.status])).toEqual(
      expect.arrayContaining([
        [ALICE, 'in-progress'],
        [BOB, 'canceled'],
      ]),
    );
  });

  it('lets the answer claim decide over the carrier timestamps', () => {
    const record = foldCall([
      ...simultaneous,
      status('CA0a', 'in-progress', 6, { sequence: 2 }),
      status('CA0b', 'in-progress', 7, { sequence: 2 }),
      { type: 'call.answered_by', memberId: BOB, legSid: 'CA0b', at: at(6.9) },
    ]);
    expect(record).toMatchObject({ answeredBy: BOB, answeredAt: at(7), result: 'answered' });
  });

  it('cascades: the first member misses, the second answers', () => {
    const record = foldCall([
      created(),
      status(PARENT, 'ringing', 0),
      ...rung('CA0a', ALICE, 0),
      status('CA0a', 'no-answer', 20, { sequence: 2 }),
      {
        type: 'dial.result',
        parentSid: PARENT,
        dialStatus: 'no-answer',
        dialCallSid: 'CA0a',
        bridged: false,
        at: at(20.1),
      },
      ...rung('CA0b', BOB, 20.2),
      status('CA0b', 'in-progress', 25, { sequence: 2 }),
      status('CA0b', 'completed', 85, { sequence: 3, durationSeconds: 60 }),
      status(PARENT, 'completed', 85),
    ]);
    expect(record).toMatchObject({
      result: 'answered',
      answeredBy: BOB,
      rungMemberIds: [ALICE, BOB],
      ringSeconds: 25,
      talkSeconds: 60,
      endedAt: at(85),
    });
  });

  it('counts talk time from timestamps when the carrier gave no duration', () => {
    const record = foldCall([
      created(),
      ...rung('CA0a', ALICE, 0),
      status('CA0a', 'in-progress', 4, { sequence: 2 }),
      status('CA0a', 'completed', 34, { sequence: 3 }),
      status(PARENT, 'completed', 35),
    ]);
    expect(record).toMatchObject({ talkSeconds: 30, ringSeconds: 4 });
  });

  it('takes a bridged dial to an external number as answered, timed by the dial duration', () => {
    const record = foldCall([
      created(),
      {
        type: 'dial.result',
        parentSid: PARENT,
        dialStatus: 'completed',
        bridged: true,
        durationSeconds: 40,
        at: at(50),
      },
      status(PARENT, 'completed', 50),
    ]);
    expect(record).toMatchObject({
      result: 'answered',
      answeredAt: at(10),
      talkSeconds: 40,
      ringSeconds: 10,
    });
    expect(record.answeredBy).toBeUndefined();
  });

  it('reports an outbound browser call answered by the customer, placed by the member', () => {
    const record = foldCall([
      created(0, { direction: 'outbound', from: `client:${ALICE}`, to: CUSTOMER, placedBy: ALICE }),
      status('CA0c', 'ringing', 1, { sequence: 1, to: CUSTOMER }),
      status('CA0c', 'in-progress', 9, { sequence: 2 }),
      status('CA0c', 'completed', 29, { sequence: 3, durationSeconds: 20 }),
      status(PARENT, 'completed', 29),
    ]);
    expect(record).toMatchObject({
      direction: 'outbound',
      placedBy: ALICE,
      result: 'answered',
      ringingAt: at(1),
      ringSeconds: 8,
      talkSeconds: 20,
      rungMemberIds: [],
    });
    expect(record.answeredBy).toBeUndefined();
  });
});

describe('foldCall: unanswered calls', () => {
  const ringing = [
    created(),
    status(PARENT, 'ringing', 0),
    ...rung('CA0a', ALICE, 0),
    ...rung('CA0b', BOB, 0),
  ];

  it('calls it abandoned when the caller hangs up while members ring', () => {
    const record = foldCall([
      ...ringing,
      status(PARENT, 'completed', 12),
      status('CA0a', 'canceled', 12, { sequence: 2 }),
      status('CA0b', 'canceled', 12, { sequence: 2 }),
    ]);
    expect(record).toMatchObject({ result: 'abandoned', ringSeconds: 12, final: true });
    expect(record.answeredBy).toBeUndefined();
    expect(record.talkSeconds).toBeUndefined();
  });

  it('calls it abandoned before the legs report their cancel', () => {
    expect(foldCall([...ringing, status(PARENT, 'completed', 12)]).result).toBe('abandoned');
  });

  it('calls it missed when every member let it ring out', () => {
    const record = foldCall([
      ...ringing,
      status('CA0a', 'no-answer', 20, { sequence: 2 }),
      status('CA0b', 'no-answer', 20, { sequence: 2 }),
      status(PARENT, 'completed', 21),
    ]);
    expect(record).toMatchObject({ result: 'missed', ringSeconds: 21 });
  });

  it('calls it missed, not busy, when a member declines an inbound ring', () => {
    const record = foldCall([
      created(),
      ...rung('CA0a', ALICE, 0),
      status('CA0a', 'busy', 3, { sequence: 2 }),
      status(PARENT, 'completed', 4),
    ]);
    expect(record.result).toBe('missed');
  });

  it.each(['busy', 'failed'] as const)('reports %s from the parent call', (parentStatus) => {
    expect(foldCall([created(), status(PARENT, parentStatus, 1)]).result).toBe(parentStatus);
  });

  it.each(['busy', 'failed'] as const)(
    'reports %s from the customer leg of an outbound call',
    (legStatus) => {
      const record = foldCall([
        created(0, { direction: 'outbound', from: `client:${ALICE}`, to: CUSTOMER, placedBy: ALICE }),
        status('CA0c', 'ringing', 1, { sequence: 1 }),
        status('CA0c', legStatus, 2, { sequence: 2 }),
        status(PARENT, 'completed', 2),
      ]);
      expect(record.result).toBe(legStatus);
    },
  );

  it('reports failed from the dial result of an outbound call', () => {
    const record = foldCall([
      created(0, { direction: 'outbound', placedBy: ALICE }),
      { type: 'dial.result', parentSid: PARENT, dialStatus: 'failed', bridged: false, at: at(2) },
      status(PARENT, 'completed', 2),
    ]);
    expect(record.result).toBe('failed');
  });

  it('calls a canceled parent call abandoned', () => {
    expect(foldCall([created(), status(PARENT, 'canceled', 3)]).result).toBe('abandoned');
  });
});

describe('foldCall: voicemail, after hours, recordings', () => {
  const toVoicemail = [
    created(),
    status(PARENT, 'ringing', 0),
    ...rung('CA0a', ALICE, 0),
    status('CA0a', 'no-answer', 20, { sequence: 2 }),
    voicemail(40),
    status(PARENT, 'completed', 41),
  ];

  it('records a voicemail, then its transcript arriving after the call ended', () => {
    const before = foldCall(toVoicemail);
    expect(before).toMatchObject({ result: 'voicemail', final: true });
    expect(before.voicemail?.transcript).toBeUndefined();

    const transcribed: CallEvent = {
      type: 'voicemail.transcribed',
      recordingSid: 'RE00voicemail',
      text: 'Rappelez-moi demain.',
      at: at(90),
    };
    const after = foldCall([...toVoicemail, transcribed]);
    expect(after.voicemail).toEqual({
      recordingSid: 'RE00voicemail',
      url: 'https://api.twilio.com/recordings/RE00voicemail',
      durationSeconds: 12,
      transcript: 'Rappelez-moi demain.',
    });
    expect({ ...after, voicemail: undefined }).toEqual({ ...before, voicemail: undefined });
  });

  it('turns a missed call into a voicemail when the recording arrives after the end', () => {
    const withoutRecording = toVoicemail.filter((event) => event.type !== 'voicemail.recorded');
    expect(foldCall(withoutRecording).result).toBe('missed');
    expect(foldCall([...withoutRecording, voicemail(45)]).result).toBe('voicemail');
  });

  it('calls a call after hours whatever happened next, keeping its voicemail', () => {
    const record = foldCall([
      created(),
      { type: 'call.after_hours', at: at(0.01) },
      voicemail(30),
      status(PARENT, 'completed', 31),
    ]);
    expect(record).toMatchObject({ result: 'after_hours', rungMemberIds: [] });
    expect(record.voicemail?.recordingSid).toBe('RE00voicemail');
  });

  it('attaches the call recording but never mistakes the voicemail for it', () => {
    const recording = (sid: string, s: number): CallEvent => ({
      type: 'recording.completed',
      sid,
      url: `https://api.twilio.com/recordings/${sid}`,
      durationSeconds: 58,
      at: at(s),
    });
    expect(foldCall([...toVoicemail, recording('RE00voicemail', 50)]).recording).toBeUndefined();
    expect(foldCall([created(), recording('RE00call', 70)]).recording).toEqual({
      sid: 'RE00call',
      url: 'https://api.twilio.com/recordings/RE00call',
      durationSeconds: 58,
    });
  });
});

describe('foldCall: live calls and timestamps', () => {
  it('leaves a ringing call unfinished and undecided', () => {
    const record = foldCall([created(), status(PARENT, 'ringing', 0), ...rung('CA0a', ALICE, 1)]);
    expect(record).toMatchObject({ final: false, status: 'ringing', ringingAt: at(0) });
    expect(record.result).toBeUndefined();
    expect(record.endedAt).toBeUndefined();
    expect(record.ringSeconds).toBeUndefined();
  });

  it('calls a live call answered before it ends, without a talk time yet', () => {
    const record = foldCall([
      created(),
      ...rung('CA0a', ALICE, 0),
      status('CA0a', 'in-progress', 3, { sequence: 2 }),
    ]);
    expect(record).toMatchObject({ result: 'answered', final: false, ringSeconds: 3 });
    expect(record.talkSeconds).toBeUndefined();
  });

  it('orders callbacks of the same second by sequence number', () => {
    const record = foldCall([
      created(),
      leg('CA0a', ALICE, 0),
      status('CA0a', 'completed', 9, { sequence: 3, durationSeconds: 0 }),
      status('CA0a', 'ringing', 9, { sequence: 1 }),
      status('CA0a', 'in-progress', 9, { sequence: 2 }),
    ]);
    expect(record.legs[0]).toMatchObject({
      status: 'completed',
      sequence: 3,
      answeredAt: at(9),
      endedAt: at(9),
    });
  });

  it('never moves a call back from ended to ringing, even when the ringing is stamped later', () => {
    const record = foldCall([created(0.2), status(PARENT, 'completed', 0), status(PARENT, 'ringing', 0.3)]);
    expect(record).toMatchObject({ status: 'completed', final: true, ringingAt: at(0.3), endedAt: at(0.3) });
  });

  it('clamps carrier stamps in whole seconds to the creation stamped in milliseconds', () => {
    const record = foldCall([
      created(0.4),
      status(PARENT, 'ringing', 0),
      leg('CA0a', ALICE, 0.5),
      status('CA0a', 'in-progress', 0, { sequence: 2 }),
      status(PARENT, 'completed', 0),
    ]);
    expect(record).toMatchObject({
      createdAt: at(0.4),
      ringingAt: at(0.4),
      answeredAt: at(0.4),
      endedAt: at(0.4),
    });
    expect(record).toMatchObject({ ringSeconds: 0, talkSeconds: 0 });
  });

  it('keeps the earliest stamp of a voice webhook Twilio retried', () => {
    expect(foldCall([created(15), created(0.3)]).createdAt).toEqual(at(0.3));
  });

  it('keeps the latest notes and disposition, and lets a rep correct the contact', () => {
    const record = foldCall([
      created(0, { contactId: CONTACT }),
      { type: 'call.annotated', notes: 'First try', disposition: 'callback', at: at(100) },
      { type: 'call.annotated', notes: 'Wants a quote', contactId: OTHER_CONTACT, at: at(200) },
    ]);
    expect(record).toMatchObject({
      notes: 'Wants a quote',
      disposition: 'callback',
      contactId: OTHER_CONTACT,
    });
  });

  it('refuses to fold callbacks of a call it was never told about', () => {
    expect(() => foldCall([status(PARENT, 'completed', 3)])).toThrow(AppError);
  });
});

describe('isTerminal', () => {
  const terminal = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];
  it.each(CALL_STATUSES.map((s) => [s, terminal.includes(s)] as const))(
    'says %s is terminal: %s',
    (s, expected) => {
      expect(isTerminal(s)).toBe(expected);
    },
  );
});
