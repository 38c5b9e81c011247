import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CarrierError } from '../../errors.ts';
import { parseForm } from '../../twilio/webhooks/form.ts';
import { memberIdentity } from '../../twilio/webhooks/identity.ts';
import {
  callStatusCallbackSchema,
  dialActionSchema,
  gatherActionSchema,
  recordingStatusCallbackSchema,
  transcriptionCallbackSchema,
  voiceWebhookSchema,
} from '../../twilio/webhooks/payloads.ts';
import { verifyTwilioSignature } from '../../twilio/webhooks/signature.ts';
import type { CallScript } from './call-script.ts';
import { simulateInboundCall, simulateOutboundBrowserCall } from './call-simulation.ts';
import { rfc2822 } from './simulated-clock.ts';

const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
const CALLER = '+33612345678';
const TEAM_NUMBER = '+33187654321';
const START = new Date('2026-03-10T14:00:00.000Z');
const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const C = '16fd2706-8baf-433b-82eb-8c7fada847da';
const CALL_SID = /^CA[0-9a-f]{32}$/;

interface Received {
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  signatureValid: boolean;
}
type Reply = string | { status: number; body?: string };
type Route = Reply | ((request: Received) => Reply | Promise<Reply>);

// Twilio ignores what status and recording callbacks answer; these answer 204 unless a test says otherwise.
const CALLBACKS = [
  '/webhooks/twilio/status',
  '/webhooks/twilio/leg',
  '/webhooks/twilio/recording',
  '/webhooks/twilio/transcription',
];

const servers: { received: Received[]; close: () => Promise<void> }[] = [];

afterEach(async () => {
  const open = servers.splice(0);
  await Promise.all(open.map((server) => server.close()));
  for (const server of open) {
    const unsigned = server.received
      .filter((request) => !request.signatureValid)
      .map((request) => request.path);
    expect(unsigned, 'requests whose X-Twilio-Signature does not verify').toEqual([]);
  }
});

/** A server standing in for Parley: fixed TwiML per path, every request recorded and its signature checked. */
async function fakeServer(routes: Record<string, Route>, authToken = AUTH_TOKEN) {
  const received: Received[] = [];
  let base = '';
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(`${base}${req.url}`);
    const form = parseForm(body);
    const signature = req.headers['x-twilio-signature'];
    const request: Received = {
      path: url.pathname,
      query: url.searchParams,
      params: Object.fromEntries(
        Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : value.join()]),
      ),
      signatureValid: verifyTwilioSignature({
        authToken,
        url: `${base}${req.url}`,
        params: form,
        signature: typeof signature === 'string' ? signature : undefined,
      }),
    };
    received.push(request);
    const route = routes[request.path];
    const reply: Reply =
      route === undefined
        ? { status: CALLBACKS.includes(request.path) ? 204 : 404 }
        : typeof route === 'function'
          ? await route(request)
          : route;
    const { status, body: text = '' } = typeof reply === 'string' ? { status: 200, body: reply } : reply;
    res.writeHead(status, { 'content-type': 'text/xml' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake = {
    base,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** Requests to a path, optionally only those whose query has these values. */
    hits(path: string, query: Record<string, string> = {}) {
      return received.filter(
        (request) =>
          request.path === `/webhooks/twilio/${path}` &&
          Object.entries(query).every(([key, value]) => request.query.get(key) === value),
      );
    },
  };
  servers.push(fake);
  return fake;
}

type FakeServer = Awaited<ReturnType<typeof fakeServer>>;

function twiml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
}

/** A <Client> for a member, with an answer hook unless told otherwise and every leg event. */
function client(member: string, { hook = true } = {}): string {
  const url = hook ? ` url="/webhooks/twilio/answer?call=c1&amp;member=${member}"` : '';
  return `<Client${url} statusCallback="/webhooks/twilio/leg?call=c1&amp;member=${member}" statusCallbackEvent="initiated ringing answered completed">${memberIdentity(member)}</Client>`;
}

function inbound(server: FakeServer, script: CallScript) {
  return simulateInboundCall({
    voiceUrl: `${server.base}/webhooks/twilio/voice`,
    statusUrl: `${server.base}/webhooks/twilio/status`,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    from: CALLER,
    to: TEAM_NUMBER,
    script,
    clock: () => START,
  });
}

function at(seconds: number): string {
  return rfc2822(new Date(START.getTime() + seconds * 1000));
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('the voice webhook and the end of the call', () => {
  it('posts what Twilio posts for an inbound call, signed, and the final status when the TwiML ends', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml('<Say language="fr-FR">Bonjour</Say><Pause length="4"/><Hangup/>'),
    });
    const story = await inbound(server, {});

    const voice = only(server.hits('voice')).params;
    expect(voice).toMatchObject({
      AccountSid: ACCOUNT_SID,
      ApiVersion: '2010-04-01',
      CallStatus: 'ringing',
      Direction: 'inbound',
      From: CALLER,
      Caller: CALLER,
      To: TEAM_NUMBER,
      Called: TEAM_NUMBER,
    });
    expect(voice.CallSid).toMatch(CALL_SID);
    expect(voiceWebhookSchema.safeParse(voice).success).toBe(true);

    const status = only(server.hits('status')).params;
    expect(status).toMatchObject({
      CallSid: voice.CallSid,
      CallStatus: 'completed',
      CallDuration: '4',
      SequenceNumber: '0',
      CallbackSource: 'call-progress-events',
      Timestamp: at(4),
    });
    expect(callStatusCallbackSchema.parse(status).Timestamp).toEqual(new Date(START.getTime() + 4000));

    expect(story).toMatchObject({
      callSid: voice.CallSid,
      ended: { status: 'completed', at: new Date(START.getTime() + 4000) },
    });
    expect(story.lines).toContain('Say (fr-FR): Bonjour');
    expect(story.requests.map((request) => request.status)).toEqual([200, 204]);
  });

  it('signs with the auth token, so a server holding another token cannot verify the requests', async () => {
    const server = await fakeServer({ '/webhooks/twilio/voice': twiml('<Hangup/>') }, 'another-token');
    await inbound(server, {});
    const signed = server.received.map((request) => request.signatureValid);
    server.received.length = 0;
    expect(signed).toEqual([false, false]);
  });

  it('ends busy on <Reject reason="busy"> and no-answer on a plain <Reject>, never answered', async () => {
    const busy = await fakeServer({ '/webhooks/twilio/voice': twiml('<Reject reason="busy"/>') });
    expect((await inbound(busy, {})).ended.status).toBe('busy');
    expect(only(busy.hits('status')).params).toMatchObject({ CallStatus: 'busy', CallDuration: '0' });

    const rejected = await fakeServer({ '/webhooks/twilio/voice': twiml('<Reject/>') });
    expect((await inbound(rejected, {})).ended.status).toBe('no-answer');
  });
});

describe('simultaneous ring', () => {
  const dialBoth = twiml(
    `<Dial answerOnBridge="true" timeout="20" action="/webhooks/twilio/dial?call=c1&amp;path=r">${client(A)}${client(B)}</Dial>`,
  );

  it('lets exactly one of two members answering at once win, through the answer hook', async () => {
    // The fake claims like the server: the first hook to arrive wins. It answers only once both
    // hooks have arrived, which proves the simulator posts them concurrently, as a race.
    let arrived = 0;
    let release = () => {};
    const bothArrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimedBy: string | undefined;
    const server = await fakeServer({
      '/webhooks/twilio/voice': dialBoth,
      '/webhooks/twilio/answer': async (request) => {
        const member = request.query.get('member') as string;
        claimedBy ??= member;
        arrived += 1;
        if (arrived === 2) release();
        await bothArrived;
        return twiml(claimedBy === member ? '' : '<Hangup/>');
      },
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    const story = await inbound(server, {
      answer: [
        { by: A, afterSeconds: 4 },
        { by: B, afterSeconds: 4 },
      ],
      talkSeconds: 42,
    });

    const winner = claimedBy as string;
    const loser = winner === A ? B : A;
    expect(story.answeredBy).toBe(memberIdentity(winner));
    const winnerLeg = server.hits('leg', { member: winner });
    const loserLeg = server.hits('leg', { member: loser });
    expect(winnerLeg.map((request) => request.params.CallStatus)).toEqual([
      'initiated',
      'ringing',
      'in-progress',
      'completed',
    ]);
    expect(loserLeg.map((request) => request.params.CallStatus)).toEqual([
      'initiated',
      'ringing',
      'completed',
    ]);
    expect(loserLeg.at(-1)?.params).toMatchObject({ CallDuration: '0', Timestamp: at(4) });
    expect(winnerLeg.at(-1)?.params).toMatchObject({ CallDuration: '42', Timestamp: at(46) });

    const parent = only(server.hits('voice')).params.CallSid;
    for (const leg of [...winnerLeg, ...loserLeg]) {
      expect(leg.params).toMatchObject({ ParentCallSid: parent, Direction: 'outbound-dial', From: CALLER });
      expect(leg.params.CallSid).toMatch(CALL_SID);
    }
    expect(winnerLeg[0]?.params.To).toBe(`client:${memberIdentity(winner)}`);

    const dial = dialActionSchema.parse(only(server.hits('dial')).params);
    expect(dial).toMatchObject({
      DialCallStatus: 'completed',
      DialCallSid: winnerLeg[0]?.params.CallSid,
      DialCallDuration: 42,
      DialBridged: true,
      CallStatus: 'in-progress',
    });
    // answerOnBridge: the caller's call is answered only when the member is connected.
    expect(only(server.hits('status')).params).toMatchObject({ CallStatus: 'completed', CallDuration: '42' });
    expect(story.ended.at).toEqual(new Date(START.getTime() + 46_000));
  });

  it('bridges the next member to pick up when the server hangs up the first one', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        `<Dial answerOnBridge="true" action="/webhooks/twilio/dial?call=c1&amp;path=r">${client(A)}${client(B)}${client(C)}</Dial>`,
      ),
      // A lost the claim to another instance's call, say: the server hangs up A's leg.
      '/webhooks/twilio/answer': (request) =>
        twiml(request.query.get('member') === A ? '<Hangup/>' : '<Say>Appel de la ligne principale</Say>'),
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    const story = await inbound(server, {
      answer: [
        { by: B, afterSeconds: 5 },
        { by: memberIdentity(A), afterSeconds: 2 },
      ],
      noAnswerFrom: [C],
    });

    expect(story.answeredBy).toBe(memberIdentity(B));
    expect(server.hits('answer').map((request) => request.query.get('member'))).toEqual([A, B]);
    expect(server.hits('leg', { member: A }).map((r) => r.params.CallStatus)).toEqual([
      'initiated',
      'ringing',
      'completed',
    ]);
    expect(server.hits('leg', { member: C }).map((r) => [r.params.CallStatus, r.params.Timestamp])).toEqual([
      ['initiated', at(0)],
      ['ringing', at(0)],
      ['canceled', at(5)],
    ]);
    expect(story.lines).toContain(`${memberIdentity(A)}'s leg is hung up by the server`);
    expect(story.lines).toContain(`${memberIdentity(B)} hears: Say: Appel de la ligne principale`);
    expect(story.lines).toContain(`${memberIdentity(C)} stop ringing`);
  });

  it('bridges only one leg, and says so, when the server wrongly lets both answer', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': dialBoth,
      '/webhooks/twilio/answer': twiml(''),
    });
    const story = await inbound(server, { answer: [{ by: A }, { by: B }] });
    const answered = server.hits('leg').filter((request) => request.params.CallStatus === 'in-progress');
    expect(answered).toHaveLength(1);
    expect(story.lines.filter((line) => line.startsWith('! '))).toHaveLength(1);
  });

  it('ends every leg no-answer at the timeout when nobody picks up', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': dialBoth,
      '/webhooks/twilio/dial': twiml('<Say>Laissez un message</Say><Hangup/>'),
    });
    const story = await inbound(server, { noAnswerFrom: [A, B] });
    for (const member of [A, B]) {
      expect(server.hits('leg', { member }).at(-1)?.params).toMatchObject({
        CallStatus: 'no-answer',
        Timestamp: at(20),
      });
    }
    expect(dialActionSchema.parse(only(server.hits('dial')).params)).toMatchObject({
      DialCallStatus: 'no-answer',
      DialBridged: false,
      DialCallDuration: 0,
    });
    expect(story.answeredBy).toBeUndefined();
    expect(story.lines).toContain('Say: Laissez un message');
  });

  it('reports busy at once when every line is busy', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': dialBoth,
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    const story = await inbound(server, { busyFrom: [A, B] });
    expect(only(server.hits('dial')).params.DialCallStatus).toBe('busy');
    expect(server.hits('leg', { member: A }).map((r) => r.params.CallStatus)).toEqual(['initiated', 'busy']);
    expect(story.ended.at).toEqual(START);
  });

  it('numbers status callbacks from 0 per call, in the order sent, with timestamps that never go back', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        `<Dial action="/webhooks/twilio/dial?call=c1&amp;path=r">${client(A)}${client(B)}${client(C)}</Dial>`,
      ),
      '/webhooks/twilio/answer': twiml(''),
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    await inbound(server, { answer: [{ by: B, afterSeconds: 7 }], talkSeconds: 12 });

    const byCall = new Map<string, Received[]>();
    for (const request of [...server.hits('leg'), ...server.hits('status')]) {
      byCall.set(request.params.CallSid as string, [
        ...(byCall.get(request.params.CallSid as string) ?? []),
        request,
      ]);
    }
    expect(byCall.size).toBe(4);
    for (const callbacks of byCall.values()) {
      expect(callbacks.map((request) => Number(request.params.SequenceNumber))).toEqual(
        callbacks.map((_, i) => i),
      );
      const times = callbacks.map((request) => Date.parse(request.params.Timestamp as string));
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
  });

  it('sends leg callbacks the server schema reads, except initiated, whose CallStatus it lacks', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(`<Dial>${client(A, { hook: false })}</Dial>`),
    });
    await inbound(server, { answer: [{ by: A }] });
    const [initiated, ...rest] = server.hits('leg');
    expect(initiated?.params.CallStatus).toBe('initiated');
    expect(rest.map((request) => callStatusCallbackSchema.safeParse(request.params).success)).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('cascade', () => {
  it('follows Dial action → Redirect → second Dial, resolving relative URLs against the document', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        `<Dial timeout="15" answerOnBridge="true" action="/webhooks/twilio/dial?call=c1&amp;path=0">${client(A)}</Dial>`,
      ),
      '/webhooks/twilio/dial': (request) =>
        request.query.get('path') === '0'
          ? twiml('<Redirect method="POST">step?call=c1&amp;path=1</Redirect>')
          : twiml('<Hangup/>'),
      '/webhooks/twilio/step': twiml(
        `<Dial timeout="15" answerOnBridge="true" action="/webhooks/twilio/dial?call=c1&amp;path=1">${client(B)}</Dial>`,
      ),
      '/webhooks/twilio/answer': twiml(''),
    });
    const story = await inbound(server, {
      noAnswerFrom: [A],
      answer: [{ by: B, afterSeconds: 6 }],
      talkSeconds: 20,
    });

    const twimlRequests = server.received.filter(
      (r) => !['/webhooks/twilio/leg', '/webhooks/twilio/status'].includes(r.path),
    );
    expect(twimlRequests.map((r) => `${r.path}?${r.query}`)).toEqual([
      '/webhooks/twilio/voice?',
      '/webhooks/twilio/dial?call=c1&path=0',
      '/webhooks/twilio/step?call=c1&path=1',
      `/webhooks/twilio/answer?call=c1&member=${B}`,
      '/webhooks/twilio/dial?call=c1&path=1',
    ]);
    const [first, second] = server.hits('dial').map((request) => dialActionSchema.parse(request.params));
    expect(first).toMatchObject({ DialCallStatus: 'no-answer', DialBridged: false, CallStatus: 'ringing' });
    expect(first?.DialCallSid).toBe(server.hits('leg', { member: A })[0]?.params.CallSid);
    expect(server.hits('leg', { member: A }).at(-1)?.params).toMatchObject({
      CallStatus: 'no-answer',
      Timestamp: at(15),
    });
    expect(server.hits('leg', { member: B })[0]?.params.Timestamp).toBe(at(15));
    expect(second).toMatchObject({ DialCallStatus: 'completed', DialBridged: true, DialCallDuration: 20 });
    expect(story.answeredBy).toBe(memberIdentity(B));
    expect(story.ended).toEqual({ status: 'completed', at: new Date(START.getTime() + 41_000) });
    expect(only(server.hits('status')).params.CallDuration).toBe('20');
  });
});

describe('gather', () => {
  it('posts the scripted digits, then an empty result when the caller presses nothing', async () => {
    const menu = (path: string) =>
      `<Gather input="dtmf" numDigits="1" timeout="6" actionOnEmptyResult="true" action="/webhooks/twilio/gather?call=c1&amp;path=${path}"><Say language="fr-FR">Tapez 1 pour les ventes, 2 pour le support</Say></Gather>`;
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(menu('0')),
      '/webhooks/twilio/gather': (request) =>
        request.params.Digits === '2' ? twiml(menu('1')) : twiml('<Say>Au revoir</Say><Hangup/>'),
    });
    const story = await inbound(server, { digits: ['2'] });

    const [pressed, silent] = server
      .hits('gather')
      .map((request) => gatherActionSchema.parse(request.params));
    expect(pressed).toMatchObject({ Digits: '2', CallStatus: 'in-progress' });
    expect(silent?.Digits).toBeUndefined();
    expect(story.lines).toContain('  Say (fr-FR): Tapez 1 pour les ventes, 2 pour le support');
    expect(story.lines).toContain('Caller presses 2');
    expect(story.lines).toContain('Caller stays silent for 6 s');
    expect(story.ended.at).toEqual(new Date(START.getTime() + 7000));
  });

  it('falls through to the next verb on silence without actionOnEmptyResult, as Twilio does', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        '<Gather action="/webhooks/twilio/gather?call=c1&amp;path=0"><Say>Press 1</Say></Gather><Say>No input</Say><Hangup/>',
      ),
    });
    const story = await inbound(server, {});
    expect(server.hits('gather')).toEqual([]);
    expect(story.lines).toContain('Say: No input');
  });

  it('posts the words and a confidence for a speech gather, in the gather language', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        '<Gather input="speech" language="fr-FR" actionOnEmptyResult="true" action="/webhooks/twilio/gather?call=c1&amp;path=0"><Say>Que puis-je pour vous ?</Say></Gather>',
      ),
      '/webhooks/twilio/gather': (request) =>
        request.query.get('path') === '0'
          ? twiml(
              '<Gather input="dtmf speech" actionOnEmptyResult="true" action="/webhooks/twilio/gather?call=c1&amp;path=1"/>',
            )
          : twiml('<Hangup/>'),
    });
    const story = await inbound(server, { speech: ['je voudrais le support', 'sales please'] });

    const [french, english] = server
      .hits('gather')
      .map((request) => gatherActionSchema.parse(request.params));
    expect(french).toMatchObject({ SpeechResult: 'je voudrais le support', Confidence: 0.92 });
    expect(french?.Digits).toBeUndefined();
    // A dtmf-and-speech gather takes words once no digits are scripted.
    expect(english).toMatchObject({ SpeechResult: 'sales please' });
    expect(story.lines).toContain('Caller says (fr-FR): « je voudrais le support »');
  });
});

describe('voicemail', () => {
  const voicemailTwiml = twiml(
    '<Say>Laissez un message</Say><Record maxLength="120" action="/webhooks/twilio/voicemail?call=c1" transcribe="true" transcribeCallback="/webhooks/twilio/transcription?call=c1" recordingStatusCallback="/webhooks/twilio/recording?call=c1" recordingStatusCallbackEvent="completed absent"/>',
  );

  it('posts the Record action, then the recording and the transcription, for the parent call', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': voicemailTwiml,
      '/webhooks/twilio/voicemail': twiml('<Say>Merci</Say><Hangup/>'),
    });
    const story = await inbound(server, { voicemail: { seconds: 25, transcript: 'Rappelez-moi demain' } });

    expect(server.received.map((request) => request.path.replace('/webhooks/twilio/', ''))).toEqual([
      'voice',
      'voicemail',
      'recording',
      'transcription',
      'status',
    ]);
    const parent = only(server.hits('voice')).params.CallSid;
    const action = only(server.hits('voicemail')).params;
    expect(action).toMatchObject({ RecordingDuration: '25', Digits: 'hangup', CallStatus: 'completed' });
    const recording = recordingStatusCallbackSchema.parse(only(server.hits('recording')).params);
    expect(recording).toMatchObject({
      CallSid: parent,
      RecordingSid: action.RecordingSid,
      RecordingStatus: 'completed',
      RecordingSource: 'RecordVerb',
      RecordingDuration: 25,
      RecordingChannels: 1,
      RecordingUrl: action.RecordingUrl,
    });
    const transcription = transcriptionCallbackSchema.parse(only(server.hits('transcription')).params);
    expect(transcription).toMatchObject({
      CallSid: parent,
      RecordingSid: action.RecordingSid,
      TranscriptionStatus: 'completed',
      TranscriptionText: 'Rappelez-moi demain',
    });
    expect(transcription.TranscriptionSid).toMatch(/^TR[0-9a-f]{32}$/);
    // The caller hung up after the message: the action's TwiML is not played.
    expect(story.lines).not.toContain('Say: Merci');
    expect(only(server.hits('status')).params).toMatchObject({ CallStatus: 'completed', CallDuration: '25' });
  });

  it('posts RecordingDuration 0 and follows the answer when the caller says nothing', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': voicemailTwiml,
      '/webhooks/twilio/voicemail': twiml('<Say>Au revoir</Say><Hangup/>'),
    });
    const story = await inbound(server, {});
    expect(only(server.hits('voicemail')).params).toMatchObject({ RecordingDuration: '0' });
    expect(only(server.hits('recording')).params).toMatchObject({
      RecordingStatus: 'absent',
      ErrorCode: '16102',
    });
    expect(server.hits('transcription')).toEqual([]);
    expect(story.lines).toContain('Say: Au revoir');
  });
});

describe('dial recording', () => {
  it('puts the recording in the Dial action and posts its status callback for the parent call', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        `<Dial record="record-from-answer-dual" recordingStatusCallback="/webhooks/twilio/recording?call=c1" action="/webhooks/twilio/dial?call=c1&amp;path=r">${client(A)}</Dial>`,
      ),
      '/webhooks/twilio/answer': twiml(''),
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    await inbound(server, { answer: [{ by: A, afterSeconds: 2 }], talkSeconds: 33 });

    const dial = dialActionSchema.parse(only(server.hits('dial')).params);
    expect(dial.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(dial.RecordingDuration).toBe(33);
    expect(dial.RecordingUrl).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${dial.RecordingSid}`,
    );
    const recording = recordingStatusCallbackSchema.parse(only(server.hits('recording')).params);
    expect(recording).toMatchObject({
      CallSid: dial.CallSid,
      RecordingSid: dial.RecordingSid,
      RecordingSource: 'DialVerb',
      RecordingChannels: 2,
      RecordingDuration: 33,
      RecordingStartTime: at(2),
    });
    const order = server.received.map((request) => request.path);
    expect(order.indexOf('/webhooks/twilio/recording')).toBe(order.indexOf('/webhooks/twilio/dial') + 1);
  });
});

describe('caller hang-up', () => {
  it('cancels the ringing legs and the call when the caller hangs up before anyone answers', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        `<Dial answerOnBridge="true" action="/webhooks/twilio/dial?call=c1&amp;path=r">${client(A)}${client(B)}</Dial>`,
      ),
      '/webhooks/twilio/dial': twiml('<Say>Nobody answered</Say>'),
    });
    const story = await inbound(server, { answer: [{ by: A, afterSeconds: 20 }], hangUpAfterSeconds: 8 });

    for (const member of [A, B]) {
      expect(server.hits('leg', { member }).at(-1)?.params).toMatchObject({
        CallStatus: 'canceled',
        Timestamp: at(8),
      });
    }
    expect(server.hits('answer')).toEqual([]);
    expect(only(server.hits('dial')).params).toMatchObject({
      DialCallStatus: 'canceled',
      CallStatus: 'canceled',
    });
    expect(story.lines).not.toContain('Say: Nobody answered');
    expect(only(server.hits('status')).params).toMatchObject({ CallStatus: 'canceled', CallDuration: '0' });
    expect(story.ended).toEqual({ status: 'canceled', at: new Date(START.getTime() + 8000) });
  });

  it('completes the call when the caller hangs up after hearing a greeting', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(`<Say>Bonjour</Say><Dial timeout="30">${client(A)}</Dial>`),
    });
    const story = await inbound(server, { hangUpAfterSeconds: 10 });
    expect(story.ended.status).toBe('completed');
    expect(only(server.hits('status')).params).toMatchObject({ CallStatus: 'completed', CallDuration: '10' });
  });

  it('cuts the conversation short when the caller hangs up while talking', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        `<Dial answerOnBridge="true" action="/webhooks/twilio/dial?call=c1&amp;path=r">${client(A)}</Dial>`,
      ),
      '/webhooks/twilio/answer': twiml(''),
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    await inbound(server, { answer: [{ by: A, afterSeconds: 3 }], talkSeconds: 60, hangUpAfterSeconds: 20 });
    expect(server.hits('leg', { member: A }).at(-1)?.params).toMatchObject({
      CallStatus: 'completed',
      CallDuration: '17',
    });
    expect(only(server.hits('dial')).params).toMatchObject({
      DialCallStatus: 'completed',
      DialCallDuration: '17',
    });
    expect(only(server.hits('status')).params).toMatchObject({ CallStatus: 'completed', CallDuration: '17' });
  });
});

describe('application errors', () => {
  it('stops after 50 TwiML documents when the server redirects in a loop', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml('<Redirect>/webhooks/twilio/voice</Redirect>'),
    });
    const story = await inbound(server, {});
    expect(server.hits('voice')).toHaveLength(50);
    expect(story.applicationError).toMatch(/more than 50 TwiML documents/);
    expect(only(server.hits('status')).params.CallStatus).toBe('completed');
  });

  it('stops when a TwiML request answers anything but 200', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(
        '<Gather actionOnEmptyResult="true" action="/webhooks/twilio/gather?call=c1&amp;path=0"/><Say>not reached</Say>',
      ),
      '/webhooks/twilio/gather': { status: 500, body: 'boom' },
    });
    const story = await inbound(server, { digits: ['1'] });
    expect(story.applicationError).toMatch(/gather\?call=c1&path=0 answered 500/);
    expect(story.requests.find((request) => request.status === 500)?.body).toBe('boom');
    expect(story.lines).not.toContain('Say: not reached');
    expect(only(server.hits('status')).params.CallStatus).toBe('completed');
  });

  it('stops when a 200 answer is not TwiML it can play', async () => {
    const notXml = await fakeServer({ '/webhooks/twilio/voice': 'OK' });
    expect((await inbound(notXml, {})).applicationError).toMatch(
      /answered 200, but the TwiML is not well-formed XML/,
    );
    const unknownVerb = await fakeServer({ '/webhooks/twilio/voice': twiml('<Enqueue>support</Enqueue>') });
    expect((await inbound(unknownVerb, {})).applicationError).toMatch(/<Enqueue> is not allowed/);
  });

  it('goes on when a status callback fails, since Twilio ignores their answers', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': twiml(`<Dial>${client(A, { hook: false })}</Dial><Say>after</Say>`),
      '/webhooks/twilio/leg': { status: 403 },
    });
    const story = await inbound(server, { answer: [{ by: A }] });
    expect(story.applicationError).toBeUndefined();
    expect(story.lines).toContain('Say: after');
    expect(story.requests.filter((request) => request.status === 403)).toHaveLength(4);
  });
});

describe('outbound browser call', () => {
  const identity = memberIdentity(A);
  function browserCall(server: FakeServer, script: CallScript) {
    return simulateOutboundBrowserCall({
      voiceUrl: `${server.base}/webhooks/twilio/voice`,
      statusUrl: `${server.base}/webhooks/twilio/status`,
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      identity,
      to: CALLER,
      params: { crmRecord: 'hubspot:contact:42' },
      script,
      clock: () => START,
    });
  }
  const dialCustomer = twiml(
    `<Dial callerId="${TEAM_NUMBER}" answerOnBridge="true" action="/webhooks/twilio/dial?call=c2&amp;path=out"><Number statusCallback="/webhooks/twilio/leg?call=c2&amp;member=customer" statusCallbackEvent="initiated ringing answered completed">${CALLER}</Number></Dial>`,
  );

  it('comes from client:<identity> through the TwiML App and reaches the customer', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': dialCustomer,
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    const story = await browserCall(server, {
      answer: [{ by: 'customer', afterSeconds: 5 }],
      talkSeconds: 90,
    });

    const voice = only(server.hits('voice')).params;
    expect(voice).toMatchObject({
      From: `client:${identity}`,
      Caller: `client:${identity}`,
      To: CALLER,
      Direction: 'inbound',
      crmRecord: 'hubspot:contact:42',
    });
    expect(voice.ApplicationSid).toMatch(/^AP[0-9a-f]{32}$/);
    expect(voiceWebhookSchema.safeParse(voice).success).toBe(true);
    expect(server.hits('leg').at(-1)?.params).toMatchObject({
      From: TEAM_NUMBER,
      To: CALLER,
      Direction: 'outbound-dial',
      CallStatus: 'completed',
      CallDuration: '90',
    });
    expect(story.answeredBy).toBe(CALLER);
    expect(only(server.hits('dial')).params.DialCallStatus).toBe('completed');
  });

  it('reports no-answer when the customer does not pick up', async () => {
    const server = await fakeServer({
      '/webhooks/twilio/voice': dialCustomer,
      '/webhooks/twilio/dial': twiml('<Hangup/>'),
    });
    const story = await browserCall(server, { noAnswerFrom: ['customer'] });
    expect(only(server.hits('dial')).params.DialCallStatus).toBe('no-answer');
    expect(story.answeredBy).toBeUndefined();
  });
});

describe('options', () => {
  it('refuses a script where someone both answers and does not', async () => {
    const server = await fakeServer({});
    await expect(inbound(server, { answer: [{ by: A }], noAnswerFrom: [memberIdentity(A)] })).rejects.toThrow(
      /both in answer and in noAnswerFrom/,
    );
    await expect(inbound(server, { digits: ['1a'] })).rejects.toThrow(CarrierError);
    expect(server.received).toEqual([]);
  });

  it('refuses a relative voice URL before calling anything', async () => {
    await expect(
      simulateInboundCall({
        voiceUrl: '/webhooks/twilio/voice',
        statusUrl: 'http://127.0.0.1:1/webhooks/twilio/status',
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        from: CALLER,
        to: TEAM_NUMBER,
        script: {},
      }),
    ).rejects.toThrow(/voiceUrl "\/webhooks\/twilio\/voice" must be an absolute/);
  });
});
