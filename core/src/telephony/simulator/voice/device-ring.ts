import type { Party } from './call-script.ts';
import type { CallSession } from './call-session.ts';

interface DeviceLeg extends Party {
  state: 'ringing' | 'busy' | 'bridged' | 'ended';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True when the dialers rung by this <Dial> decide for themselves: the simulator was given a
 * device signal and the script names nobody who answers any of its legs (`parley simulate`
 * without --answer). The call then rings in real time, as it would for a person.
 */
export function ringsDevices(session: CallSession, legs: readonly Party[]): boolean {
  return (
    session.setup.devices !== undefined &&
    legs.some((leg) => leg.kind === 'client') &&
    legs.every((leg) => session.script.answerDelay(leg) === undefined)
  );
}

/**
 * Rings the browser legs in real time, asking the device signal what each dialer did: the first
 * to answer goes through the same answer hook as a scripted pickup; a decline ends that leg
 * like a busy line (Twilio reports a rejected client as DialCallStatus=busy). Undefined when
 * nobody answered before the timeout, every leg declined, or the caller hung up first.
 */
export async function ringDevices<L extends DeviceLeg>(
  session: CallSession,
  legs: L[],
  window: { start: number; timeout: number },
  hooks: { answer(leg: L, delay: number): Promise<L | undefined>; decline(leg: L): Promise<void> },
): Promise<L | undefined> {
  const devices = session.setup.devices;
  if (!devices) return undefined;
  const began = Date.now();
  for (;;) {
    const delay = Math.floor((Date.now() - began) / 1000);
    if (!session.clock.waitUntil(window.start + Math.min(delay, window.timeout))) return undefined;
    const waiting = legs.filter((leg) => leg.kind === 'client' && leg.state === 'ringing');
    if (waiting.length === 0 || delay >= window.timeout) break;
    for (const leg of waiting) {
      const action = await devices.action(session.callSid, leg.address);
      if (action === 'answer') {
        const winner = await hooks.answer(leg, delay);
        if (winner) return winner;
      } else if (action === 'decline') {
        session.line(`${leg.address} declines in the dialer`);
        leg.state = 'busy';
        await hooks.decline(leg);
      }
    }
    await sleep(devices.pollMs);
  }
  if (legs.some((leg) => leg.state === 'ringing')) session.clock.waitUntil(window.start + window.timeout);
  return undefined;
}

/**
 * A call answered in a dialer lasts until the dialer hangs up, or until the script's talk time
 * (the caller hanging up) in real seconds. False when the caller's scripted hang-up came first.
 */
export async function talkUntilHangUp(session: CallSession, identity: string): Promise<boolean> {
  const devices = session.setup.devices;
  const limit = session.script.talkSeconds;
  const began = Date.now();
  for (;;) {
    const talked = (Date.now() - began) / 1000;
    if (!devices || talked >= limit) return session.clock.wait(limit);
    if ((await devices.action(session.callSid, identity)) === 'hangup')
      return session.clock.wait(Math.max(1, Math.round(talked)));
    await sleep(devices.pollMs);
  }
}
