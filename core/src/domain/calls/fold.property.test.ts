import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CallStatus, isTerminal, type TerminalCallStatus } from './call-status.ts';
import { type CallEvent, DIAL_STATUSES, parseCallEvent } from './events.ts';
import { foldCall } from './fold.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
/** Twilio stamps callbacks (RFC 2822 `Timestamp`) in whole seconds, so ties are common. */
const carrierTime = (s: number) => new Date(T0 + s * 1000);
/** We stamp what we receive ourselves (voice and action webhooks, claims) in milliseconds. */
const ourTime = (s: number, ms: number) => new Date(T0 + s * 1000 + ms);

const PARENT = 'CA00parent';
const MEMBERS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];
const TERMINALS: TerminalCallStatus[] = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

const second = fc.integer({ min: 0, max: 6 });
const millis = fc.integer({ min: 0, max: 999 });

const legPlan = fc.record({
  /** Undefined: a forward to an outside number, or the customer of an outbound call. */
  member: fc.option(fc.constantFrom(...MEMBERS), { nil: undefined }),
  announced: fc.boolean(),
  announcedMs: millis,
  start: second,
  sendsQueued: fc.boolean(),
  sendsRinging: fc.boolean(),
  outcome: fc.constantFrom('answered', 'no-answer', 'busy', 'failed', 'canceled', 'still ringing'),
  decidedAfter: fc.integer({ min: 0, max: 3 }),
  talk: fc.integer({ min: 0, max: 4 }),
  sendsDuration: fc.boolean(),
});

const callPlan = fc.record({
  direction: fc.constantFrom('inbound', 'outbound'),
  createdMs: millis,
  /** Twilio's callback, or the voice webhook's CallStatus=ringing stamped on receipt and unnumbered. */
  parentRinging: fc.constantFrom('callback', 'voice webhook', 'none'),
  legs: fc.array(legPlan, { maxLength: 4 }),
  claim: fc.option(fc.record({ leg: fc.nat(), ms: millis }), { nil: undefined }),
  parentEnd: fc.option(
    fc.record({ status: fc.constantFrom(...TERMINALS), at: fc.integer({ min: 0, max: 12 }) }),
    {
      nil: undefined,
    },
  ),
  dial: fc.option(
    fc.record({
      status: fc.constantFrom(...DIAL_STATUSES),
      leg: fc.option(fc.nat(), { nil: undefined }),
      bridged: fc.boolean(),
      duration: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      at: second,
      ms: millis,
    }),
    { nil: undefined },
  ),
  afterHours: fc.boolean(),
  voicemail: fc.option(
    fc.record({
      at: fc.integer({ min: 0, max: 14 }),
      duration: fc.integer({ min: 0, max: 9 }),
      transcriptAt: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  recording: fc.option(fc.record({ at: fc.integer({ min: 0, max: 20 }), ofVoicemail: fc.boolean() }), {
    nil: undefined,
  }),
  annotations: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 20 }),
      notes: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
      disposition: fc.constantFrom('callback', 'sale'),
    }),
    { maxLength: 2 },
  ),
  /** Webhooks delivered again later and stamped on receipt: same fact, different instant. */
  redeliveries: fc.array(fc.record({ index: fc.nat(), delayMs: fc.integer({ min: 1, max: 20_000 }) }), {
    maxLength: 3,
  }),
});

type CallPlan = typeof callPlan extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(plan: CallPlan): CallEvent[] {
  const events: CallEvent[] = [
    {
      type: 'call.created',
      sid: PARENT,
      direction: plan.direction,
      from: '+33612345678',
      to: '+33198765432',
      numberE164: '+33198765432',
      at: ourTime(0, plan.createdMs),
    },
  ];
  let parentSequence = 0;
  if (plan.parentRinging === 'callback') {
    events.push({
      type: 'call.status',
      sid: PARENT,
      status: 'ringing',
      sequence: parentSequence++,
      at: carrierTime(0),
    });
  } else if (plan.parentRinging === 'voice webhook') {
    events.push({ type: 'call.status', sid: PARENT, status: 'ringing', at: ourTime(0, plan.createdMs) });
  }
  if (plan.afterHours) events.push({ type: 'call.after_hours', at: ourTime(0, plan.createdMs + 1) });

  const legSid = (index: number) => `CA0leg${index}`;
  plan.legs.forEach((leg, index) => {
    const sid = legSid(index);
    let sequence = 0;
    const callback = (status: CallStatus, s: number, durationSeconds?: number) => {
      events.push({
        type: 'call.status',
        sid,
        parentSid: PARENT,
        status,
        sequence: sequence++,
        durationSeconds,
        at: carrierTime(s),
      });
    };
    if (leg.member && leg.announced) {
      events.push({
        type: 'leg.created',
        sid,
        parentSid: PARENT,
        memberId: leg.member,
        at: ourTime(leg.start, leg.announcedMs),
      });
    }
    if (leg.sendsQueued) callback('queued', leg.start);
    if (leg.sendsRinging) callback('ringing', leg.start);
    const decided = leg.start + leg.decidedAfter;
    if (leg.outcome === 'answered') {
      callback('in-progress', decided);
      callback('completed', decided + leg.talk, leg.sendsDuration ? leg.talk : undefined);
    } else if (leg.outcome !== 'still ringing') {
      callback(leg.outcome, decided, leg.sendsDuration ? 0 : undefined);
    }
  });

  const members = plan.legs.flatMap((leg, index) => (leg.member ? [{ leg, sid: legSid(index) }] : []));
  const claimed = plan.claim && members[plan.claim.leg % Math.max(members.length, 1)];
  if (plan.claim && claimed?.leg.member) {
    events.push({
      type: 'call.answered_by',
      memberId: claimed.leg.member,
      legSid: claimed.sid,
      at: ourTime(claimed.leg.start + claimed.leg.decidedAfter, plan.claim.ms),
    });
  }
  if (plan.dial) {
    const dialLeg =
      plan.dial.leg === undefined || plan.legs.length === 0 ? undefined : plan.dial.leg % plan.legs.length;
    events.push({
      type: 'dial.result',
      parentSid: PARENT,
      dialStatus: plan.dial.status,
      dialCallSid: dialLeg === undefined ? undefined : legSid(dialLeg),
      bridged: plan.dial.bridged,
      durationSeconds: plan.dial.duration,
      at: ourTime(plan.dial.at, plan.dial.ms),
    });
  }
  if (plan.parentEnd) {
    events.push({
      type: 'call.status',
      sid: PARENT,
      status: plan.parentEnd.status,
      sequence: parentSequence,
      at: carrierTime(plan.parentEnd.at),
    });
  }
  const voicemailSid = 'RE00voicemail';
  if (plan.voicemail) {
    const { at, duration, transcriptAt } = plan.voicemail;
    const url = `https://api.twilio.com/recordings/${voicemailSid}`;
    events.push({
      type: 'voicemail.recorded',
      recordingSid: voicemailSid,
      url,
      durationSeconds: duration,
      at: ourTime(at, 5),
    });
    if (transcriptAt !== undefined) {
      events.push({
        type: 'voicemail.transcribed',
        recordingSid: voicemailSid,
        text: 'Call me back',
        at: ourTime(transcriptAt, 7),
      });
    }
  }
  if (plan.recording) {
    const sid = plan.recording.ofVoicemail ? voicemailSid : 'RE00call';
    const url = `https://api.twilio.com/recordings/${sid}`;
    events.push({
      type: 'recording.completed',
      sid,
      url,
      durationSeconds: 3,
      at: carrierTime(plan.recording.at),
    });
  }
  for (const annotation of plan.annotations) {
    events.push({
      type: 'call.annotated',
      notes: annotation.notes,
      disposition: annotation.disposition,
      at: ourTime(annotation.at, 0),
    });
  }
  for (const { index, delayMs } of plan.redeliveries) {
    const original = events[index % events.length]!;
    events.push({ ...original, at: new Date(original.at.getTime() + delayMs) });
  }
  return events;
}

/** Every event at least once, some several times, in any order. */
function deliveries(events: readonly CallEvent[]): fc.Arbitrary<CallEvent[]> {
  return fc
    .array(fc.nat({ max: events.length - 1 }), { maxLength: events.length * 2 })
    .chain((repeats) => {
      const indexes = [...events.keys(), ...repeats];
      return fc.shuffledSubarray(indexes, { minLength: indexes.length, maxLength: indexes.length });
    })
    .map((indexes) => indexes.map((index) => events[index]!));
}

const calls = callPlan.map(eventsOf);

describe('foldCall over shuffled and repeated deliveries', () => {
  it('gives the same record whatever the order and however often each callback arrives', () => {
    fc.assert(
      fc.property(
        calls.chain((events) => fc.tuple(fc.constant(events), deliveries(events), deliveries(events))),
        ([events, first, second]) => {
          const expected = foldCall(events);
          expect(foldCall(first)).toStrictEqual(expected);
          expect(foldCall(second)).toStrictEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same record from the event log read back from storage', () => {
    fc.assert(
      fc.property(calls, (events) => {
        const stored = events.map((event) => parseCallEvent(JSON.parse(JSON.stringify(event))));
        expect(foldCall(stored)).toStrictEqual(foldCall(events));
      }),
    );
  });

  it('never reports a negative duration nor a timeline running backwards', () => {
    fc.assert(
      fc.property(calls, (events) => {
        const record = foldCall(events);
        expect(record.ringSeconds ?? 0).toBeGreaterThanOrEqual(0);
        expect(record.talkSeconds ?? 0).toBeGreaterThanOrEqual(0);
        if (record.answeredAt)
          expect(record.answeredAt.getTime()).toBeGreaterThanOrEqual(record.createdAt.getTime());
        const timeline = [record.createdAt, record.ringingAt, record.answeredAt, record.endedAt].flatMap(
          (instant) => (instant ? [instant.getTime()] : []),
        );
        expect(timeline).toEqual([...timeline].sort((a, b) => a - b));
        for (const leg of record.legs) {
          const legTimeline = [leg.startedAt, leg.answeredAt, leg.endedAt].flatMap((instant) =>
            instant ? [instant.getTime()] : [],
          );
          expect(legTimeline).toEqual([...legTimeline].sort((a, b) => a - b));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ends a call or leg once any terminal status is known, and never reopens it', () => {
    fc.assert(
      fc.property(calls, (events) => {
        const record = foldCall(events);
        const ended = new Set(
          events.flatMap((event) =>
            event.type === 'call.status' && isTerminal(event.status) ? [event.sid] : [],
          ),
        );
        expect(record.final).toBe(ended.has(PARENT));
        for (const leg of record.legs) expect(isTerminal(leg.status)).toBe(ended.has(leg.sid));
      }),
      { numRuns: 300 },
    );
  });

  it('decides every ended call and names a winner only among the members rung', () => {
    fc.assert(
      fc.property(calls, (events) => {
        const record = foldCall(events);
        expect(record.final).toBe(isTerminal(record.status));
        if (record.final) expect(record.result).toBeDefined();
        if (record.answeredBy !== undefined) expect(record.rungMemberIds).toContain(record.answeredBy);
      }),
      { numRuns: 300 },
    );
  });
});
