import { type ForwardStep, nextPath, type RingStep, type Step } from '../../../routing/index.ts';

/** `continue` carries the step at `path` too, so the caller can render it without looking it up. */
export type AfterDial = { kind: 'done' } | { kind: 'continue'; path: string; step: Step };

/** DialCallStatus values that mean somebody picked up. */
const PICKED_UP = new Set(['completed', 'answered']);

/**
 * What follows the ring or forward step at `path` once its <Dial> ends: nothing when the caller
 * was put through (the server answers <Hangup/>), else the step's no-answer continuation.
 *
 * `bridged` is DialBridged when Twilio sent it, and then decides: a member whose leg answered but
 * lost the answer claim hangs up before the bridge, so the dial can end `completed` with nobody
 * ever having talked to the caller, who must then go on to the next step.
 */
export function afterDial(
  path: string,
  step: RingStep | ForwardStep,
  dialCallStatus: string,
  bridged?: boolean,
): AfterDial {
  if (bridged ?? PICKED_UP.has(dialCallStatus)) return { kind: 'done' };
  return { kind: 'continue', path: nextPath(path), step: step.onNoAnswer };
}
