import { CarrierError } from '../errors.ts';
import type { TwimlElement } from './voice/twiml-reader.ts';

/** A participant as Twilio's Participants API describes one: muted, or coaching another call. */
export interface RoomParticipant {
  callSid: string;
  label: string;
  muted: boolean;
  /** CallSidToCoach: the only participant who hears this one. */
  coach: string | null;
}

/** What a <Dial><Conference> asks for: which room, under which label, muted or coaching. */
export interface ConferenceJoin {
  name: string;
  label: string;
  muted: boolean;
  coach: string | null;
}

/**
 * The simulator's conferences: rooms by friendly name, each with its participants. State only —
 * no audio — so tests can see who is in a call and who hears whom.
 */
export class ConferenceRooms {
  readonly #rooms = new Map<string, Map<string, RoomParticipant>>();

  join(callSid: string, join: ConferenceJoin): RoomParticipant {
    const room = this.#rooms.get(join.name) ?? new Map<string, RoomParticipant>();
    this.#rooms.set(join.name, room);
    const participant = { callSid, label: join.label, muted: join.muted, coach: join.coach };
    room.set(callSid, participant);
    return participant;
  }

  /** Twilio's participant update: by CallSid or by label. */
  update(
    name: string,
    participant: string,
    change: { muted: boolean; coach: string | null },
  ): RoomParticipant {
    const found = this.#find(name, participant);
    found.muted = change.muted;
    found.coach = change.coach;
    return found;
  }

  leave(name: string, participant: string): void {
    const found = this.#find(name, participant);
    this.#rooms.get(name)?.delete(found.callSid);
  }

  participants(name: string): RoomParticipant[] {
    return [...(this.#rooms.get(name)?.values() ?? [])];
  }

  /** Who hears a participant: everyone else, unless it is muted or coaching one call only. */
  hearersOf(name: string, participant: string): string[] {
    const speaker = this.#find(name, participant);
    if (speaker.muted) return [];
    const others = this.participants(name).filter((p) => p.callSid !== speaker.callSid);
    return (speaker.coach ? others.filter((p) => p.callSid === speaker.coach) : others).map((p) => p.label);
  }

  #find(name: string, participant: string): RoomParticipant {
    const found = this.participants(name).find((p) => p.callSid === participant || p.label === participant);
    if (!found) {
      // Twilio answers 404 (error 20404) for a participant that is not in the conference.
      throw new CarrierError('not_found', `No participant ${participant} in conference ${name}.`, {
        status: 404,
      });
    }
    return found;
  }
}

/** Reads the <Conference> of a `<Dial><Conference>` document; anything else is an application error. */
export function conferenceJoinOf(twiml: TwimlElement, from: string): ConferenceJoin {
  const dial = twiml.children.find((verb) => verb.name === 'Dial');
  const conference = dial?.children.find((noun) => noun.name === 'Conference');
  if (!conference) throw new CarrierError('invalid', `${from} answered no <Dial><Conference>.`);
  const { participantLabel, muted, coach } = conference.attributes;
  return {
    name: conference.text,
    label: participantLabel ?? '',
    muted: muted === 'true',
    coach: coach ?? null,
  };
}
