import { AppError } from '../../errors.ts';
import type { CallDirection, CallLeg, CallRecord, CallResult } from './call-record.ts';
import { isTerminal, statusRank } from './call-status.ts';
import { orderEvents } from './event-order.ts';
import type { CallEvent, CallEventOf } from './events.ts';

/**
 * Folds every event known for one call into its record. The record is a function of the SET of
 * events: delivery order and repeats do not matter (see event-order.ts), so the store keeps the
 * event log and recomputes the record on each new event instead of patching it.
 *
 * Rules the webhooks can rely on:
 * - A call or leg only moves forward (queued → ringing → in-progress → ended); the first terminal
 *   status in event order is the one that sticks.
 * - The answer goes to the `call.answered_by` claim if there is one (the bus decided it), else to
 *   the leg whose answer comes first by (instant, sequence number), else to a bridged `<Dial>`.
 * - Carrier timestamps have whole seconds while ours have milliseconds, so the call's timestamps
 *   are clamped to read created ≤ ringing ≤ answered ≤ ended, and no duration is negative.
 */
export function foldCall(events: readonly CallEvent[]): CallRecord {
  const ordered = orderEvents(events);
  const created = ordered.find((event) => event.type === 'call.created');
  if (!created) {
    throw new AppError(
      'precondition_failed',
      'call_not_created',
      'This call has no call.created event: store the voice webhook (or the outbound request) before its callbacks.',
    );
  }
  const facts = collect(ordered, created);
  const parent = facts.tracks.get(created.sid)!;
  const legs = [...facts.tracks.values()].filter((track) => track !== parent);
  const winner = findWinner(facts);

  const createdAt = created.at;
  const ringingAt = notBefore(earliest([parent, ...legs].map((track) => track.ringingAt)), createdAt);
  const ringStart = ringingAt ?? createdAt;
  const answeredAt = notBefore(winner?.answeredAt, ringStart);
  const endedAt = isTerminal(parent.status) ? notBefore(parent.endedAt, answeredAt ?? ringStart) : undefined;
  const ringEnd = winner ? answeredAt : endedAt;

  const voicemailSids = new Set(facts.voicemails.map((voicemail) => voicemail.recordingSid));
  const voicemail = facts.voicemails[0];
  const recording = facts.recordings.find((event) => !voicemailSids.has(event.sid));
  const transcript = voicemail && facts.transcripts.get(voicemail.recordingSid);

  return {
    id: created.sid,
    direction: created.direction,
    from: created.from,
    to: created.to,
    numberE164: created.numberE164,
    status: parent.status,
    placedBy: created.placedBy,
    createdAt,
    ringingAt,
    answeredAt,
    endedAt,
    ringSeconds: ringEnd && seconds(ringEnd.getTime() - ringStart.getTime()),
    talkSeconds: winner && talkSeconds(winner, answeredAt, endedAt),
    result: resultOf(facts, created.direction, parent, legs, winner !== undefined),
    answeredBy: winner?.memberId,
    rungMemberIds: [...new Set(legs.flatMap((leg) => (leg.memberId === undefined ? [] : [leg.memberId])))],
    legs: legs.map(toLeg),
    recording: recording && {
      sid: recording.sid,
      url: recording.url,
      durationSeconds: recording.durationSeconds,
    },
    voicemail: voicemail && {
      recordingSid: voicemail.recordingSid,
      url: voicemail.url,
      durationSeconds: voicemail.durationSeconds,
      transcript,
    },
    contactId: facts.annotation.contactId ?? created.contactId,
    notes: facts.annotation.notes,
    disposition: facts.annotation.disposition,
    final: isTerminal(parent.status),
  };
}

/** A call sid as the fold sees it: the parent call or one leg, and when it rang. */
interface Track extends CallLeg {
  ringingAt?: Date;
}

interface Facts {
  /** In order of first appearance; includes the parent call. */
  tracks: Map<string, Track>;
  /** The first leg to answer, in event order. */
  firstAnswer?: Track;
  claim?: CallEventOf<'call.answered_by'>;
  dials: CallEventOf<'dial.result'>[];
  afterHours: boolean;
  voicemails: CallEventOf<'voicemail.recorded'>[];
  transcripts: Map<string, string>;
  recordings: CallEventOf<'recording.completed'>[];
  annotation: { notes?: string; disposition?: string; contactId?: string };
}

function collect(ordered: readonly CallEvent[], created: CallEventOf<'call.created'>): Facts {
  const facts: Facts = {
    tracks: new Map(),
    dials: [],
    afterHours: false,
    voicemails: [],
    transcripts: new Map(),
    recordings: [],
    annotation: {},
  };
  const track = (sid: string, at: Date): Track => {
    let found = facts.tracks.get(sid);
    if (!found) {
      found = { sid, status: 'queued', startedAt: at };
      facts.tracks.set(sid, found);
    }
    return found;
  };
  track(created.sid, created.at);
  for (const event of ordered) {
    switch (event.type) {
      case 'call.created':
        // The first one names the call; a second under another sid is not this call's.
        break;
      case 'call.status': {
        const target = track(event.sid, event.at);
        const answeredBefore = target.answeredAt !== undefined;
        applyStatus(target, event);
        if (target.sid !== created.sid && !answeredBefore && target.answeredAt !== undefined) {
          facts.firstAnswer ??= target;
        }
        break;
      }
      case 'leg.created': {
        const leg = track(event.sid, event.at);
        leg.parentSid ??= event.parentSid;
        leg.memberId ??= event.memberId;
        leg.to ??= event.to;
        break;
      }
      case 'call.answered_by':
        track(event.legSid, event.at).memberId ??= event.memberId;
        facts.claim ??= event;
        break;
      case 'dial.result':
        facts.dials.push(event);
        break;
      case 'call.after_hours':
        facts.afterHours = true;
        break;
      case 'voicemail.recorded':
        facts.voicemails.push(event);
        break;
      case 'voicemail.transcribed':
        if (!facts.transcripts.has(event.recordingSid)) facts.transcripts.set(event.recordingSid, event.text);
        break;
      case 'recording.completed':
        facts.recordings.push(event);
        break;
      case 'call.annotated':
        if (event.notes !== undefined) facts.annotation.notes = event.notes;
        if (event.disposition !== undefined) facts.annotation.disposition = event.disposition;
        if (event.contactId !== undefined) facts.annotation.contactId = event.contactId;
        break;
    }
  }
  return facts;
}

function applyStatus(track: Track, event: CallEventOf<'call.status'>): void {
  if (event.sequence !== undefined) track.sequence = Math.max(track.sequence ?? 0, event.sequence);
  track.parentSid ??= event.parentSid;
  track.to ??= event.to;
  // A ringing or answer stamped after the end still happened: only the status refuses to go back.
  if (event.status === 'ringing') track.ringingAt ??= event.at;
  if (event.status === 'in-progress') track.answeredAt ??= event.at;
  if (isTerminal(event.status) && !isTerminal(track.status)) {
    track.endedAt = event.at;
    track.durationSeconds = event.durationSeconds;
  }
  if (statusRank(event.status) > statusRank(track.status)) track.status = event.status;
}

interface Winner {
  leg?: Track;
  memberId?: string;
  answeredAt?: Date;
  /** Connected seconds as the carrier counted them, when it did. */
  carrierSeconds?: number;
}

function findWinner(facts: Facts): Winner | undefined {
  if (facts.claim) {
    const leg = facts.tracks.get(facts.claim.legSid);
    return {
      leg,
      memberId: facts.claim.memberId,
      answeredAt: leg?.answeredAt ?? facts.claim.at,
      carrierSeconds: leg && carrierSeconds(leg, facts.dials),
    };
  }
  if (facts.firstAnswer) {
    const leg = facts.firstAnswer;
    return {
      leg,
      memberId: leg.memberId,
      answeredAt: leg.answeredAt,
      carrierSeconds: carrierSeconds(leg, facts.dials),
    };
  }
  // A <Dial> to a number without status callbacks only tells us it bridged, and for how long.
  const bridged = facts.dials.find((dial) => dial.bridged);
  if (!bridged) return undefined;
  const leg = bridged.dialCallSid === undefined ? undefined : facts.tracks.get(bridged.dialCallSid);
  const answeredAt =
    leg?.answeredAt ??
    (bridged.durationSeconds === undefined
      ? undefined
      : new Date(bridged.at.getTime() - bridged.durationSeconds * 1000));
  return { leg, memberId: leg?.memberId, answeredAt, carrierSeconds: bridged.durationSeconds };
}

function carrierSeconds(leg: Track, dials: readonly CallEventOf<'dial.result'>[]): number | undefined {
  return (
    leg.durationSeconds ?? dials.find((dial) => dial.bridged && dial.dialCallSid === leg.sid)?.durationSeconds
  );
}

function talkSeconds(winner: Winner, answeredAt: Date | undefined, callEndedAt: Date | undefined) {
  if (winner.carrierSeconds !== undefined) return winner.carrierSeconds;
  const end = winner.leg?.endedAt ?? callEndedAt;
  if (!answeredAt || !end) return undefined;
  return seconds(end.getTime() - answeredAt.getTime());
}

function resultOf(
  facts: Facts,
  direction: CallDirection,
  parent: Track,
  legs: readonly Track[],
  answered: boolean,
): CallResult | undefined {
  if (facts.afterHours) return 'after_hours';
  if (facts.voicemails.length > 0) return 'voicemail';
  if (answered) return 'answered';
  if (!isTerminal(parent.status)) return undefined;
  if (parent.status === 'busy' || parent.status === 'failed') return parent.status;
  const farEnd = direction === 'outbound' ? farEndFailure(facts.dials, legs) : undefined;
  if (farEnd) return farEnd;
  // Legs still ringing, or canceled, when the parent ended mean the caller hung up on us.
  const stillRinging = (leg: Track) => !isTerminal(leg.status) || leg.status === 'canceled';
  if (parent.status === 'canceled' || (parent.status === 'completed' && legs.some(stillRinging))) {
    return 'abandoned';
  }
  return 'missed';
}

/**
 * On an outbound call the customer is a leg, not the parent, so their line being busy or
 * unreachable shows on that leg or on the <Dial> result. Members' legs are excluded: a rep
 * declining an inbound ring is a miss, not a busy line.
 */
function farEndFailure(
  dials: readonly CallEventOf<'dial.result'>[],
  legs: readonly Track[],
): 'busy' | 'failed' | undefined {
  const statuses = new Set<string>([
    ...dials.map((dial) => dial.dialStatus),
    ...legs.filter((leg) => leg.memberId === undefined).map((leg) => leg.status),
  ]);
  if (statuses.has('busy')) return 'busy';
  if (statuses.has('failed')) return 'failed';
  return undefined;
}

function toLeg(track: Track): CallLeg {
  const answeredAt = notBefore(track.answeredAt, track.startedAt);
  return {
    sid: track.sid,
    parentSid: track.parentSid,
    memberId: track.memberId,
    to: track.to,
    status: track.status,
    sequence: track.sequence,
    startedAt: track.startedAt,
    answeredAt,
    endedAt: notBefore(track.endedAt, answeredAt ?? track.startedAt),
    durationSeconds: track.durationSeconds,
  };
}

function earliest(instants: readonly (Date | undefined)[]): Date | undefined {
  let first: Date | undefined;
  for (const instant of instants) if (instant && (!first || instant < first)) first = instant;
  return first;
}

function notBefore(instant: Date | undefined, floor: Date): Date | undefined {
  return instant && (instant < floor ? floor : instant);
}

function seconds(milliseconds: number): number {
  return Math.max(0, Math.round(milliseconds / 1000));
}
