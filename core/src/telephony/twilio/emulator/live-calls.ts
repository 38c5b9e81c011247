import { randomBytes } from 'node:crypto';
import { notFound } from './shapes.ts';
import type { EmulatorFault } from './state.ts';

/**
 * The emulator's recordings and conferences: enough of Twilio's Recording and Conference
 * Participant resources for retention (DELETE a recording) and live listening (find a conference
 * by name, update or remove a participant by CallSid or label).
 */
export interface EmulatedParticipant {
  callSid: string;
  label: string;
  muted: boolean;
  coaching: boolean;
  callSidToCoach: string | null;
}

export interface EmulatedConference {
  sid: string;
  friendlyName: string;
  participants: EmulatedParticipant[];
}

export interface LiveCallsState {
  /** Recording SIDs the account holds; DELETE removes one. */
  recordings: Set<string>;
  conferences: EmulatedConference[];
}

type Reply = { status: number; body?: object } | { fault: EmulatorFault };

const RECORDING_ONE = /^\/2010-04-01\/Accounts\/([^/]+)\/Recordings\/([^/]+)\.json$/;
const CONFERENCES = /^\/2010-04-01\/Accounts\/([^/]+)\/Conferences\.json$/;
const PARTICIPANT_ONE =
  /^\/2010-04-01\/Accounts\/([^/]+)\/Conferences\/([^/]+)\/Participants\/([^/]+)\.json$/;

export function newConference(friendlyName: string, participants: EmulatedParticipant[]): EmulatedConference {
  return { sid: `CF${randomBytes(16).toString('hex')}`, friendlyName, participants };
}

/** Answers the requests it knows; undefined for any other path, which the server then handles. */
export function routeLiveCalls(
  state: LiveCallsState,
  accountSid: string,
  request: { method: string; path: string; query: URLSearchParams; form: URLSearchParams },
): Reply | undefined {
  const { method, path, query, form } = request;
  const recording = RECORDING_ONE.exec(path);
  if (method === 'DELETE' && recording) {
    const deleted = recording[1] === accountSid && state.recordings.delete(recording[2] ?? '');
    return deleted ? { status: 204 } : { fault: notFound(path) };
  }
  const conferences = CONFERENCES.exec(path);
  if (method === 'GET' && conferences) {
    if (conferences[1] !== accountSid) return { fault: notFound(path) };
    const name = query.get('FriendlyName');
    const found = state.conferences.filter((c) => name === null || c.friendlyName === name);
    return { status: 200, body: conferenceListJson(found, accountSid, `${path}?${query.toString()}`) };
  }
  const participant = PARTICIPANT_ONE.exec(path);
  if (participant && (method === 'POST' || method === 'DELETE')) {
    const conference = state.conferences.find((c) => c.sid === participant[2]);
    const key = decodeURIComponent(participant[3] ?? '');
    const found = conference?.participants.find((p) => p.callSid === key || p.label === key);
    if (participant[1] !== accountSid || !conference || !found) return { fault: notFound(path) };
    if (method === 'DELETE') {
      conference.participants = conference.participants.filter((p) => p !== found);
      return { status: 204 };
    }
    if (form.has('Muted')) found.muted = form.get('Muted') === 'true';
    if (form.has('Coaching')) found.coaching = form.get('Coaching') === 'true';
    if (form.has('CallSidToCoach')) found.callSidToCoach = form.get('CallSidToCoach');
    if (!found.coaching) found.callSidToCoach = null;
    return { status: 200, body: participantJson(found, conference, accountSid) };
  }
  return undefined;
}

function conferenceListJson(found: EmulatedConference[], accountSid: string, uri: string) {
  return {
    conferences: found.map((c) => ({
      sid: c.sid,
      account_sid: accountSid,
      friendly_name: c.friendlyName,
      status: 'in-progress',
      api_version: '2010-04-01',
      uri: `/2010-04-01/Accounts/${accountSid}/Conferences/${c.sid}.json`,
    })),
    uri,
    first_page_uri: uri,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: 50,
    start: 0,
    end: Math.max(found.length - 1, 0),
  };
}

function participantJson(p: EmulatedParticipant, conference: EmulatedConference, accountSid: string) {
  return {
    account_sid: accountSid,
    call_sid: p.callSid,
    label: p.label,
    call_sid_to_coach: p.callSidToCoach,
    coaching: p.coaching,
    conference_sid: conference.sid,
    muted: p.muted,
    hold: false,
    status: 'connected',
    uri: `/2010-04-01/Accounts/${accountSid}/Conferences/${conference.sid}/Participants/${p.callSid}.json`,
  };
}
