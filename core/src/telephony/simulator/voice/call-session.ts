import { CarrierError } from '../../errors.ts';
import { formBody } from '../../twilio/webhooks/form.ts';
import type { CallStatus } from '../../twilio/webhooks/payloads.ts';
import { computeTwilioSignature } from '../../twilio/webhooks/signature.ts';
import type { CallScript } from './call-script.ts';
import { ScriptPlayer } from './call-script.ts';
import type { DeviceSignal } from './device-signal.ts';
import type { RecordingHost } from './recording-host.ts';
import { newSid } from './sids.ts';
import { rfc2822, SimulatedClock } from './simulated-clock.ts';
import { readTwiml, type TwimlElement } from './twiml-reader.ts';

/** One request the simulator made, as the server answered it (status 0: no answer at all). */
export interface StoryRequest {
  url: string;
  params: Record<string, string>;
  status: number;
  body: string;
}

/** What happened on a simulated call, for people (lines) and for assertions (the rest). */
export interface CallStory {
  callSid: string;
  lines: string[];
  requests: StoryRequest[];
  /** The client identity (or number) of the first leg bridged to the caller. */
  answeredBy?: string;
  ended: { status: CallStatus; at: Date };
  /**
   * Why the call stopped early: a TwiML request answered with a status other than 200 or a body
   * that is not playable TwiML, or the loop guard. Twilio would say "an application error has
   * occurred" and hang up.
   */
  applicationError?: string;
}

export interface TwimlDocument {
  url: string;
  twiml: TwimlElement;
}

/** How the caller's side of the call ends. */
export type CallEnd = 'hangup' | 'caller-hung-up' | 'rejected-busy' | 'rejected' | 'application-error';

/** After a verb: go on with the next verb, play another document, or end the call. */
export type VerbOutcome =
  | { kind: 'next' }
  | { kind: 'document'; document: TwimlDocument }
  | { kind: 'end'; end: CallEnd };

export interface CallSetup {
  accountSid: string;
  authToken: string;
  from: string;
  to: string;
  /** `Called` as Twilio sends it: the number called, or '' for a browser dialer's call. */
  called: string;
  applicationSid?: string;
  /** Twilio's Direction for the parent call: inbound, or outbound-api for a call placed through the REST API. */
  direction?: 'inbound' | 'outbound-api';
  /** The parent call's sid, when the caller of the REST API must know it before the first webhook. */
  callSid?: string;
  statusUrl: string;
  script: CallScript;
  clock: () => Date;
  fetch: typeof fetch;
  /** Dialers that answer, decline and hang up for themselves, when the script names nobody who answers. */
  devices?: DeviceSignal | undefined;
  /** Real audio for the call's recordings, served where its RecordingUrl points. */
  recordings?: SimulatedRecordings | undefined;
}

export interface SimulatedRecordings {
  host: RecordingHost;
  /** The WAV every recording of the call is made of. */
  audio: Uint8Array;
}

// Twilio's own limit is its 15 s webhook timeout; the simulator adds a cap on documents so a
// server that redirects to itself ends the test instead of hanging it.
const MAX_DOCUMENTS = 50;
const TWILIO_TIMEOUT_MS = 15_000;

/**
 * The parent call's state and everything that touches the server: signed posts, TwiML fetches,
 * status callbacks with their per-call SequenceNumber. TwiML failures throw CarrierError, which
 * the call's runner turns into an application error.
 */
export class CallSession {
  readonly callSid: string;
  readonly script: ScriptPlayer;
  readonly clock: SimulatedClock;
  readonly lines: string[] = [];
  readonly requests: StoryRequest[] = [];
  answeredBy: string | undefined;
  applicationError: string | undefined;
  #answeredAt: number | undefined;
  #documents = 0;
  readonly #sequences = new Map<string, number>();

  constructor(readonly setup: CallSetup) {
    this.callSid = setup.callSid ?? newSid('CA');
    this.script = new ScriptPlayer(setup.script);
    this.clock = new SimulatedClock(setup.clock, this.script.hangUpAfterSeconds);
  }

  get answered(): boolean {
    return this.#answeredAt !== undefined;
  }

  /** Twilio answers the parent call when it starts playing anything but <Reject> or a ringing <Dial answerOnBridge>. */
  markAnswered(): void {
    this.#answeredAt ??= this.clock.elapsed;
  }

  line(text: string): void {
    this.lines.push(text);
  }

  /** The standard parameters of every request about the parent call. */
  callParams(): Record<string, string> {
    const { accountSid, from, to, called, applicationSid } = this.setup;
    return {
      AccountSid: accountSid,
      ApiVersion: '2010-04-01',
      ...(applicationSid ? { ApplicationSid: applicationSid } : {}),
      CallSid: this.callSid,
      CallStatus: this.#currentStatus(),
      Called: called,
      Caller: from,
      Direction: this.setup.direction ?? 'inbound',
      From: from,
      To: to,
    };
  }

  /** Posts a webhook signed as Twilio signs it, over the exact URL posted to. */
  async post(url: string, params: Record<string, string>, label?: string): Promise<StoryRequest> {
    this.line(`→ POST ${pathOf(url)}${label ? ` (${label})` : ''}`);
    const request: StoryRequest = { url, params, status: 0, body: '' };
    try {
      const response = await this.setup.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          'user-agent': 'TwilioProxy/1.1',
          'x-twilio-signature': computeTwilioSignature(this.setup.authToken, url, params),
        },
        body: formBody(params),
        redirect: 'manual',
        signal: AbortSignal.timeout(TWILIO_TIMEOUT_MS),
      });
      request.status = response.status;
      request.body = await response.text();
    } catch (error) {
      request.body = error instanceof Error ? error.message : String(error);
    }
    this.requests.push(request);
    if (request.status < 200 || request.status > 299) {
      this.line(`  ← ${request.status || 'no answer'} from ${pathOf(url)}`);
    }
    return request;
  }

  /** Fetches the parent call's next document; counts toward the loop guard. */
  async fetchDocument(url: string, params: Record<string, string>): Promise<TwimlDocument> {
    this.#documents += 1;
    if (this.#documents > MAX_DOCUMENTS) {
      throw new CarrierError(
        'invalid',
        `The call needed more than ${MAX_DOCUMENTS} TwiML documents, the last one from ${pathOf(url)}: the server is most likely redirecting in a loop.`,
      );
    }
    return this.fetchTwiml(url, params);
  }

  /** Posts and reads the answer as TwiML; anything else is an application error. */
  async fetchTwiml(url: string, params: Record<string, string>, label?: string): Promise<TwimlDocument> {
    const { status, body } = await this.post(url, params, label);
    if (status !== 200) {
      throw new CarrierError(
        'unavailable',
        status === 0
          ? `POST ${url} got no answer: ${body}.`
          : `POST ${url} answered ${status} instead of 200 with TwiML.`,
        { status },
      );
    }
    try {
      return { url, twiml: readTwiml(body) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CarrierError(
        'invalid',
        `POST ${url} answered 200, but ${lowerFirst(reason)}`,
        {},
        { cause: error },
      );
    }
  }

  /**
   * A call-progress status callback: SequenceNumber counts the callbacks sent for that CallSid
   * from 0, and Timestamp is the simulated instant.
   */
  async postStatus(
    url: string,
    callSid: string,
    params: Record<string, string>,
    label: string,
  ): Promise<void> {
    const sequence = this.#sequences.get(callSid) ?? 0;
    this.#sequences.set(callSid, sequence + 1);
    await this.post(
      url,
      {
        ...params,
        CallbackSource: 'call-progress-events',
        SequenceNumber: String(sequence),
        Timestamp: rfc2822(this.clock.now()),
      },
      label,
    );
  }

  /** The caller hung up (the clock says so); the line says when. */
  callerHungUp(): VerbOutcome {
    this.line(`Caller hangs up after ${this.clock.elapsed} s`);
    return { kind: 'end', end: 'caller-hung-up' };
  }

  fail(reason: string): void {
    this.applicationError ??= reason;
    this.line(`✗ Application error: ${reason}`);
    // Twilio answers the call to say "an application error has occurred".
    this.markAnswered();
  }

  /** Posts the parent's final status callback and returns the story. */
  async finish(end: CallEnd): Promise<CallStory> {
    const status = finalStatus(end, this.answered);
    const talked = this.#answeredAt === undefined ? 0 : this.clock.elapsed - this.#answeredAt;
    this.line(`Call ended: ${status} after ${this.clock.elapsed} s`);
    await this.postStatus(
      this.setup.statusUrl,
      this.callSid,
      { ...this.callParams(), CallStatus: status, CallDuration: String(talked) },
      status,
    );
    return {
      callSid: this.callSid,
      lines: this.lines,
      requests: this.requests,
      ...(this.answeredBy ? { answeredBy: this.answeredBy } : {}),
      ended: { status, at: this.clock.now() },
      ...(this.applicationError ? { applicationError: this.applicationError } : {}),
    };
  }

  #currentStatus(): CallStatus {
    if (this.clock.callerHungUp) return this.answered ? 'completed' : 'canceled';
    return this.answered ? 'in-progress' : 'ringing';
  }
}

function finalStatus(end: CallEnd, answered: boolean): CallStatus {
  if (answered) return 'completed';
  switch (end) {
    case 'rejected-busy':
      return 'busy';
    case 'rejected':
      return 'no-answer';
    case 'caller-hung-up':
      return 'canceled';
    default:
      return 'completed';
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
