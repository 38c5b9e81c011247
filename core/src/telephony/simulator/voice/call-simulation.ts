import { CarrierError, isCarrierError } from '../../errors.ts';
import type { CallScript } from './call-script.ts';
import {
  type CallEnd,
  CallSession,
  type CallSetup,
  type CallStory,
  type SimulatedRecordings,
  type TwimlDocument,
  type VerbOutcome,
} from './call-session.ts';
import type { DeviceSignal } from './device-signal.ts';
import { playDial } from './dial-verb.ts';
import { playGather } from './gather-verb.ts';
import { playRecord } from './record-verb.ts';
import { newSid } from './sids.ts';
import { describePrompt, resolveUrl, secondsAttribute } from './twiml-attributes.ts';
import type { TwimlElement } from './twiml-reader.ts';

interface SimulationOptions {
  /** The voice URL: an inbound number's, or the TwiML App's for browser calls. */
  voiceUrl: string;
  /** Where the parent call's final status is posted. */
  statusUrl: string;
  accountSid: string;
  /** Every request is signed with it, over the exact URL posted to. */
  authToken: string;
  script: CallScript;
  /** The call starts at this clock's reading; the simulation adds the seconds it lets pass. */
  clock?: () => Date;
  fetch?: typeof fetch;
  /** The members' dialers, deciding for themselves on legs the script names nobody to answer. */
  devices?: DeviceSignal;
  /** Makes the call's recordings real audio the server can fetch (see recording-host.ts). */
  recordings?: SimulatedRecordings;
}

export interface InboundCallOptions extends SimulationOptions {
  /** The caller's number (E.164). */
  from: string;
  /** The team's number that was called (E.164). */
  to: string;
}

export interface BrowserCallOptions extends SimulationOptions {
  /** The dialer's client identity (`m_…`); the call comes from `client:<identity>`. */
  identity: string;
  /** The number the rep dialed. */
  to: string;
  /** device.connect({ params }): extra fields of the voice webhook. */
  params?: Record<string, string>;
  /** The TwiML App the dialer's token names; a fresh AP… SID by default. */
  applicationSid?: string;
}

/**
 * A customer calls a team number: plays Twilio's part against the server over HTTP — the voice
 * webhook, then every verb of the TwiML it answers, with the people acting as `script` says —
 * and returns the story. Throws only for bad options; whatever the server answers ends up in
 * the story.
 */
export async function simulateInboundCall(options: InboundCallOptions): Promise<CallStory> {
  return runCall(options, { from: options.from, to: options.to, called: options.to }, {});
}

/**
 * A rep dials out from the browser: Twilio posts the TwiML App's voice URL with
 * From=client:<identity>, Direction=inbound and the dialer's params; the server is expected to
 * answer with a <Dial><Number>, whose callee answers as the script's `customer`.
 */
export async function simulateOutboundBrowserCall(options: BrowserCallOptions): Promise<CallStory> {
  const from = `client:${options.identity}`;
  return runCall(
    options,
    { from, to: options.to, called: '', applicationSid: options.applicationSid ?? newSid('AP') },
    options.params ?? {},
  );
}

export interface ApiCallOptions extends SimulationOptions {
  /** The account's number shown to the callee. */
  from: string;
  /** The phone rung first (call-me-first: the rep's own phone). */
  to: string;
  /** The sid calls.create would have returned. */
  callSid: string;
}

/**
 * A call placed through the REST API (calls.create with a `url`): Twilio rings `to`, and once it
 * is answered fetches `voiceUrl` with Direction=outbound-api and plays the TwiML. The callee of
 * this first leg answers unless the script lists `to` in `noAnswerFrom` or `busyFrom`.
 */
export async function simulateOutboundApiCall(options: ApiCallOptions): Promise<CallStory> {
  const refused = [...(options.script.noAnswerFrom ?? []), ...(options.script.busyFrom ?? [])].includes(
    options.to,
  );
  return runCall(
    options,
    {
      from: options.from,
      to: options.to,
      called: options.to,
      direction: 'outbound-api',
      callSid: options.callSid,
    },
    {},
    refused ? (options.script.busyFrom?.includes(options.to) ? 'rejected-busy' : 'rejected') : undefined,
  );
}

async function runCall(
  options: SimulationOptions,
  parties: Pick<CallSetup, 'from' | 'to' | 'called' | 'applicationSid' | 'direction' | 'callSid'>,
  extraParams: Record<string, string>,
  unanswered?: CallEnd,
): Promise<CallStory> {
  for (const [name, url] of [
    ['voiceUrl', options.voiceUrl],
    ['statusUrl', options.statusUrl],
  ] as const) {
    if (!/^https?:\/\/[^/]/i.test(url)) {
      throw new CarrierError('invalid', `${name} "${url}" must be an absolute http(s) URL.`);
    }
  }
  const session = new CallSession({
    ...parties,
    accountSid: options.accountSid,
    authToken: options.authToken,
    statusUrl: resolveUrl(options.statusUrl, options.statusUrl),
    script: options.script,
    clock: options.clock ?? (() => new Date()),
    fetch: options.fetch ?? fetch,
    devices: options.devices,
    recordings: options.recordings,
  });
  session.line(`Call ${parties.from} → ${parties.to}`);
  if (unanswered) {
    session.line(`${parties.to} does not pick up`);
    return session.finish(unanswered);
  }
  let end: CallEnd;
  try {
    // Twilio's parameters win over the dialer's own, as they do on Twilio.
    let document = await session.fetchDocument(resolveUrl(options.voiceUrl, options.voiceUrl), {
      ...extraParams,
      ...session.callParams(),
    });
    for (;;) {
      const outcome = await playDocument(session, document);
      if (outcome.kind === 'end') {
        end = outcome.end;
        break;
      }
      if (outcome.kind === 'document') document = outcome.document;
    }
  } catch (error) {
    if (!isCarrierError(error)) throw error;
    session.fail(error.message);
    end = 'application-error';
  }
  return session.finish(end);
}

/** Plays a document's verbs in order; the end of the document hangs up. */
async function playDocument(session: CallSession, document: TwimlDocument): Promise<VerbOutcome> {
  for (const verb of document.twiml.children) {
    const outcome = await playVerb(session, verb, document.url);
    if (outcome.kind !== 'next') return outcome;
  }
  session.line('End of TwiML: Twilio hangs up');
  session.markAnswered();
  return { kind: 'end', end: 'hangup' };
}

async function playVerb(session: CallSession, verb: TwimlElement, documentUrl: string): Promise<VerbOutcome> {
  switch (verb.name) {
    case 'Say':
    case 'Play':
      session.markAnswered();
      session.line(describePrompt(verb));
      return { kind: 'next' };
    case 'Pause':
      session.markAnswered();
      session.line(describePrompt(verb));
      return session.clock.wait(secondsAttribute(verb, 'length', 1))
        ? { kind: 'next' }
        : session.callerHungUp();
    case 'Redirect': {
      const url = resolveUrl(verb.text, documentUrl);
      session.line(`Redirect → ${url}`);
      return { kind: 'document', document: await session.fetchDocument(url, session.callParams()) };
    }
    case 'Hangup':
      session.markAnswered();
      session.line('Hangup');
      return { kind: 'end', end: 'hangup' };
    case 'Reject': {
      const busy = verb.attributes.reason === 'busy';
      session.line(`Reject (${busy ? 'busy' : 'rejected'})`);
      return { kind: 'end', end: busy ? 'rejected-busy' : 'rejected' };
    }
    case 'Gather':
      return playGather(session, verb, documentUrl);
    case 'Dial':
      return playDial(session, verb, documentUrl);
    case 'Record':
      return playRecord(session, verb, documentUrl);
    default:
      throw new CarrierError('invalid', `<${verb.name}> is not a verb the simulator plays.`);
  }
}
