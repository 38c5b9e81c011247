import { CarrierError } from '../../errors.ts';
import type { CallStatus, DialCallStatus } from '../../twilio/webhooks/payloads.ts';
import type { Party } from './call-script.ts';
import type { CallSession, VerbOutcome } from './call-session.ts';
import { ringDevices, ringsDevices, talkUntilHangUp } from './device-ring.ts';
import { postRecordingStatus, type RecordingReport, recordingUrl } from './recording-callbacks.ts';
import { newSid } from './sids.ts';
import { describePrompt, listAttribute, secondsAttribute, urlAttribute } from './twiml-attributes.ts';
import type { TwimlElement } from './twiml-reader.ts';

interface Leg extends Party {
  sid: string;
  from: string;
  /** <Client url> / <Number url>: TwiML run on the leg when it picks up, before bridging. */
  answerUrl: string | undefined;
  statusCallback: string | undefined;
  events: readonly string[];
  state: 'ringing' | 'busy' | 'bridged' | 'ended';
}

type LegEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * <Dial>: rings every <Client>/<Number> at once, lets the scripted parties pick up, runs each
 * one's answer hook (parties picking up at the same instant race, their hooks posted
 * concurrently), bridges the first whose hook does not hang up, cancels the rest, then posts the
 * Dial action and follows its TwiML — or goes on with the next verb when there is no action.
 */
export async function playDial(
  session: CallSession,
  verb: TwimlElement,
  documentUrl: string,
): Promise<VerbOutcome> {
  const timeout = secondsAttribute(verb, 'timeout', DEFAULT_TIMEOUT_SECONDS);
  const legs = dialLegs(session, verb, documentUrl);
  const start = session.clock.elapsed;
  // answerOnBridge keeps the caller hearing ringback, unanswered, until a leg is bridged.
  if (verb.attributes.answerOnBridge !== 'true') session.markAnswered();
  session.line(`Dial: ringing ${listed(legs.map((leg) => leg.address))} for up to ${timeout} s`);

  for (const leg of legs) {
    await legStatus(session, leg, 'initiated', 'initiated');
    if (session.script.isBusy(leg)) {
      session.line(`${leg.address} is busy`);
      leg.state = 'busy';
      await legStatus(session, leg, 'completed', 'busy');
    } else {
      await legStatus(session, leg, 'ringing', 'ringing');
    }
  }

  const byDevices = ringsDevices(session, legs);
  const winner = byDevices
    ? await ringDevices(
        session,
        legs,
        { start, timeout },
        {
          answer: (leg, delay) => answerGroup(session, legs, [leg], delay),
          decline: (leg) => legStatus(session, leg, 'completed', 'busy'),
        },
      )
    : await ring(session, legs, start, timeout);
  let talk = 0;
  if (winner) {
    const bridgedAt = session.clock.elapsed;
    const talked =
      byDevices && winner.kind === 'client'
        ? await talkUntilHangUp(session, winner.address)
        : session.clock.wait(session.script.talkSeconds);
    talk = session.clock.elapsed - bridgedAt;
    if (talked)
      session.line(`${winner.address} and the caller talk for ${talk} s, then ${winner.address} hangs up`);
    else session.callerHungUp();
    winner.state = 'ended';
    await legStatus(session, winner, 'completed', 'completed', talk);
  } else {
    await endUnanswered(session, legs, timeout);
  }

  const record = verb.attributes.record ?? 'do-not-record';
  const recording: RecordingReport | undefined =
    winner && record !== 'do-not-record' && record !== 'false'
      ? {
          sid: newSid('RE'),
          status: 'completed',
          seconds: talk,
          channels: record.endsWith('-dual') ? 2 : 1,
          source: 'DialVerb',
          startedAt: new Date(session.clock.now().getTime() - talk * 1000),
        }
      : undefined;

  const action = urlAttribute(verb, 'action', documentUrl);
  const dialCallSid = winner?.sid ?? (legs.length === 1 ? legs[0]?.sid : undefined);
  const next = action
    ? await session.fetchDocument(action, {
        ...session.callParams(),
        DialCallStatus: dialStatus(session, legs, winner),
        ...(dialCallSid ? { DialCallSid: dialCallSid } : {}),
        DialCallDuration: String(talk),
        DialBridged: String(winner !== undefined),
        ...(recording
          ? {
              RecordingUrl: recordingUrl(session, recording.sid),
              RecordingSid: recording.sid,
              RecordingDuration: String(talk),
            }
          : {}),
      })
    : undefined;

  // Recordings are processed after the dial ends, so their callback follows the action request.
  const recordingCallback = urlAttribute(verb, 'recordingStatusCallback', documentUrl);
  const recordingEvents = listAttribute(verb, 'recordingStatusCallbackEvent', ['completed']);
  if (recording && recordingCallback && recordingEvents.includes('completed')) {
    await postRecordingStatus(session, recordingCallback, recording);
  }

  if (session.clock.callerHungUp) {
    if (next) session.line('Twilio ignores that TwiML: the caller has hung up');
    return { kind: 'end', end: 'caller-hung-up' };
  }
  return next ? { kind: 'document', document: next } : { kind: 'next' };
}

function dialLegs(session: CallSession, verb: TwimlElement, documentUrl: string): Leg[] {
  const nouns: readonly TwimlElement[] =
    verb.children.length > 0
      ? verb.children
      : [{ name: 'Number', attributes: {}, children: [], text: verb.text }];
  if (nouns.every((noun) => noun.text === '')) {
    throw new CarrierError('invalid', `A <Dial> in ${documentUrl} has nothing to dial.`);
  }
  if (nouns.some((noun) => noun.name === 'Conference')) {
    // Conferences are live listening's, which plays them as room state (../conference-control.ts).
    throw new CarrierError(
      'invalid',
      `A <Dial><Conference> in ${documentUrl}: the simulator joins conferences only for live listening.`,
    );
  }
  const from = verb.attributes.callerId?.trim() || session.setup.from;
  return nouns.map((noun) => ({
    kind: noun.name === 'Client' ? 'client' : 'number',
    address: noun.text,
    sid: newSid('CA'),
    from,
    answerUrl: urlAttribute(noun, 'url', documentUrl),
    statusCallback: urlAttribute(noun, 'statusCallback', documentUrl),
    // Twilio sends only `completed` unless the TwiML asks for more.
    events: listAttribute(noun, 'statusCallbackEvent', ['completed']),
    state: 'ringing',
  }));
}

/**
 * Lets the scripted parties pick up, earliest first, until one is bridged; undefined when nobody
 * is bridged before the timeout, when every line is busy, or when the caller hangs up first.
 */
async function ring(
  session: CallSession,
  legs: Leg[],
  start: number,
  timeout: number,
): Promise<Leg | undefined> {
  const pickups = new Map<number, Leg[]>();
  for (const leg of legs) {
    const delay = leg.state === 'ringing' ? session.script.answerDelay(leg) : undefined;
    if (delay === undefined || delay >= timeout) continue;
    pickups.set(delay, [...(pickups.get(delay) ?? []), leg]);
  }
  for (const [delay, group] of [...pickups].sort(([a], [b]) => a - b)) {
    if (!session.clock.waitUntil(start + delay)) break;
    const winner = await answerGroup(session, legs, group, delay);
    if (winner) return winner;
  }
  if (legs.some((leg) => leg.state === 'ringing')) session.clock.waitUntil(start + timeout);
  return undefined;
}

/** Parties picking up together: the winner is bridged to the caller and every other leg stops ringing. */
async function answerGroup(
  session: CallSession,
  legs: Leg[],
  group: Leg[],
  delay: number,
): Promise<Leg | undefined> {
  const winner = await pickUp(session, group, delay);
  if (!winner) return undefined;
  winner.state = 'bridged';
  session.answeredBy ??= winner.address;
  session.markAnswered();
  session.line(`${winner.address} is connected to the caller`);
  await legStatus(session, winner, 'answered', 'in-progress');
  const others = legs.filter((leg) => leg.state === 'ringing');
  if (others.length > 0) session.line(`${listed(others.map((leg) => leg.address))} stop ringing`);
  for (const leg of others) {
    leg.state = 'ended';
    await legStatus(session, leg, 'completed', 'canceled');
  }
  return winner;
}

/**
 * Parties picking up at the same instant: their answer hooks are posted concurrently, so the
 * server's claim decides, and the first hook to come back without hanging up is bridged.
 */
async function pickUp(session: CallSession, group: Leg[], delay: number): Promise<Leg | undefined> {
  session.line(
    `${listed(group.map((leg) => leg.address))} ${group.length > 1 ? 'pick' : 'picks'} up after ${delay} s`,
  );
  const accepted: Leg[] = [];
  const results = await Promise.allSettled(
    group.map(async (leg) => {
      if (await answerHookAllows(session, leg)) accepted.push(leg);
    }),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;

  const [winner, ...extra] = accepted;
  for (const leg of group) {
    if (leg === winner) continue;
    session.line(
      extra.includes(leg)
        ? `! ${leg.address} was also allowed to answer; Twilio bridges only ${winner?.address} and drops ${leg.address}`
        : `${leg.address}'s leg is hung up by the server`,
    );
    leg.state = 'ended';
    await legStatus(session, leg, 'completed', 'completed');
  }
  return winner;
}

/** Runs the leg's answer hook; false when its TwiML hangs the leg up. */
async function answerHookAllows(session: CallSession, leg: Leg): Promise<boolean> {
  if (!leg.answerUrl) return true;
  const { twiml } = await session.fetchTwiml(
    leg.answerUrl,
    legParams(session, leg, 'in-progress'),
    `answer hook of ${leg.address}`,
  );
  for (const verb of twiml.children) {
    if (verb.name === 'Hangup' || verb.name === 'Reject') return false;
    if (verb.name !== 'Say' && verb.name !== 'Play' && verb.name !== 'Pause') {
      throw new CarrierError(
        'invalid',
        `The answer hook of ${leg.address} (${leg.answerUrl}) answered <${verb.name}>; the simulator plays only Say, Play, Pause and Hangup on a leg before bridging.`,
      );
    }
    session.line(`${leg.address} hears: ${describePrompt(verb)}`);
  }
  return true;
}

async function endUnanswered(session: CallSession, legs: Leg[], timeout: number): Promise<void> {
  const ringing = legs.filter((leg) => leg.state === 'ringing');
  if (session.clock.callerHungUp) {
    session.callerHungUp();
    if (ringing.length > 0) session.line(`${listed(ringing.map((leg) => leg.address))} stop ringing`);
  } else if (ringing.length > 0) {
    session.line(`${listed(ringing.map((leg) => leg.address))} did not answer within ${timeout} s`);
  }
  for (const leg of ringing) {
    leg.state = 'ended';
    await legStatus(session, leg, 'completed', session.clock.callerHungUp ? 'canceled' : 'no-answer');
  }
}

function dialStatus(session: CallSession, legs: Leg[], winner: Leg | undefined): DialCallStatus {
  if (winner) return 'completed';
  if (session.clock.callerHungUp) return 'canceled';
  return legs.every((leg) => leg.state === 'busy') ? 'busy' : 'no-answer';
}

function legParams(session: CallSession, leg: Leg, status: CallStatus | 'initiated'): Record<string, string> {
  const to = leg.kind === 'client' ? `client:${leg.address}` : leg.address;
  return {
    AccountSid: session.setup.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: leg.sid,
    CallStatus: status,
    Called: to,
    Caller: leg.from,
    Direction: 'outbound-dial',
    From: leg.from,
    ParentCallSid: session.callSid,
    To: to,
  };
}

/**
 * A leg's status callback, when the TwiML asked for this event. The `initiated` event carries
 * CallStatus=initiated, as Twilio sends it, although the REST API's call status enum lacks it.
 */
async function legStatus(
  session: CallSession,
  leg: Leg,
  event: LegEvent,
  status: CallStatus | 'initiated',
  callDuration = 0,
): Promise<void> {
  if (!leg.statusCallback || !leg.events.includes(event)) return;
  await session.postStatus(
    leg.statusCallback,
    leg.sid,
    {
      ...legParams(session, leg, status),
      ...(event === 'completed' ? { CallDuration: String(callDuration) } : {}),
    },
    status,
  );
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
