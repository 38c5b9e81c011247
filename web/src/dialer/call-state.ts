import type { CallerView, LiveCallEvent } from './live-event.ts';
import type { CallResult } from './types.ts';

/** The one call the dialer shows at a time, from ringing to the after-call screen. */
export type CallState =
  | { phase: 'idle'; notice: 'answered_elsewhere' | null }
  | { phase: 'ringing'; callId: string; caller: CallerView }
  | { phase: 'in_call'; callId: string; caller: CallerView; since: number }
  | { phase: 'ended'; callId: string; caller: CallerView; result: CallResult | null };

export type CallAction =
  | { kind: 'live'; event: LiveCallEvent; me: string; now: number }
  /** The rep declined locally: the server keeps ringing the others (and the script decides in simulator mode). */
  | { kind: 'declined'; callId: string }
  /** An outbound call the server already played to its end (simulator) — straight to the after-call screen. */
  | { kind: 'placed_and_ended'; callId: string; caller: CallerView; result: CallResult | null }
  | { kind: 'closed' };

export const IDLE: CallState = { phase: 'idle', notice: null };

const sameCall = (state: CallState, callId: string) => state.phase !== 'idle' && state.callId === callId;

/**
 * Pure so the screens' sequence can be reasoned about (and tested) apart from React and SSE.
 * A new incoming call does not replace a call in progress or an unsaved after-call screen.
 */
export function callReducer(state: CallState, action: CallAction): CallState {
  switch (action.kind) {
    case 'closed':
      return IDLE;
    case 'declined':
      return sameCall(state, action.callId) ? IDLE : state;
    case 'placed_and_ended':
      return { phase: 'ended', callId: action.callId, caller: action.caller, result: action.result };
    case 'live':
      return onLive(state, action.event, action.me, action.now);
  }
}

function onLive(state: CallState, event: LiveCallEvent, me: string, now: number): CallState {
  switch (event.type) {
    case 'incoming_call':
      if (state.phase === 'in_call' || state.phase === 'ended') return state;
      if (!event.memberIds.includes(me)) return state;
      return {
        phase: 'ringing',
        callId: event.callId,
        caller: { from: event.from, contact: event.contact },
      };
    case 'call_answered':
      if (!sameCall(state, event.callId) || state.phase !== 'ringing') return state;
      return event.answeredBy === me
        ? { phase: 'in_call', callId: state.callId, caller: state.caller, since: now }
        : { phase: 'idle', notice: 'answered_elsewhere' };
    case 'call_ended':
      if (!sameCall(state, event.callId) || state.phase === 'idle' || state.phase === 'ended') return state;
      return { phase: 'ended', callId: state.callId, caller: state.caller, result: event.result };
  }
}
