import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audioCheckingTranscriber,
  type PipelineScene,
  settle,
  startPipelineScene,
  toneWav,
} from '../ai/pipeline/testing.ts';
import { extractiveSummariser } from '../ai/summary/extractive.ts';
import type { ApiClient } from '../http/testing/client.ts';
import { signedRecordingUrl } from './signed-url.ts';

const SAID = 'The delivery of the blue chairs is late. Please call me back tomorrow about the delivery.';

async function play(url: string, client?: ApiClient, range?: string) {
  const headers: Record<string, string> = {};
  if (client?.cookie) headers.cookie = client.cookie;
  if (range) headers.range = range;
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('who may hear a call and read its transcript', () => {
  let a: PipelineScene;
  let b: PipelineScene;
  let callId: string;
  const audio = toneWav();

  beforeAll(async () => {
    a = await startPipelineScene();
    b = await startPipelineScene(a.server);
    callId = await a.call(audio);
    await settle(
      a,
      a.worker({ transcriber: audioCheckingTranscriber(audio, SAID), summariser: extractiveSummariser }),
      callId,
    );
  }, 90_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const recordingUrl = () => `${a.server.url}/api/calls/${callId}/recording`;

  it('lets the account’s admin and the member who took the call read the transcript and play the recording', async () => {
    for (const client of [a.admin, a.lea.client]) {
      const intelligence = await client.get(`/api/calls/${callId}/intelligence`);
      expect(intelligence.status).toBe(200);
      expect(intelligence.body.transcript.segments[0].text).toBe(SAID);
      const whole = await play(recordingUrl(), client);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('content-type')).toBe('audio/wav');
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(Buffer.compare(Buffer.from(whole.bytes), Buffer.from(audio))).toBe(0);
    }
  });

  it('answers a byte range with 206 and exactly those bytes, and 416 past the end', async () => {
    const part = await play(recordingUrl(), a.admin, 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`);
    expect(Buffer.compare(Buffer.from(part.bytes), Buffer.from(audio.subarray(100, 200)))).toBe(0);
    const past = await play(recordingUrl(), a.admin, `bytes=${audio.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${audio.length}`);
  });

  it('refuses another member of the same account', async () => {
    const intelligence = await a.max.client.get(`/api/calls/${callId}/intelligence`);
    expect(intelligence.status).toBe(403);
    expect(intelligence.body.error.code).toBe('not_your_call');
    expect((await play(recordingUrl(), a.max.client)).status).toBe(403);
  });

  it('never lets another account see that the call exists', async () => {
    const intelligence = await b.admin.get(`/api/calls/${callId}/intelligence`);
    expect(intelligence.status).toBe(404);
    expect((await play(recordingUrl(), b.admin)).status).toBe(404);
    expect((await b.admin.post(`/api/calls/${callId}/intelligence/retry`)).status).toBe(404);
  });

  it('asks for sign-in without a session', async () => {
    expect((await play(recordingUrl())).status).toBe(401);
  });

  it('plays from a signed link without a session, with ranges, until it expires', async () => {
    const services = a.server.services;
    const url = signedRecordingUrl(services, { accountId: a.accountId, callId });
    const whole = await play(url);
    expect(whole.status).toBe(200);
    expect(Buffer.compare(Buffer.from(whole.bytes), Buffer.from(audio))).toBe(0);
    const part = await play(url, undefined, 'bytes=0-43');
    expect(part.status).toBe(206);
    expect(part.bytes.length).toBe(44);

    const expired = await fetch(signedRecordingUrl(services, { accountId: a.accountId, callId }, -60));
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('recording_link_expired');

    const tampered = new URL(url);
    tampered.searchParams.set('expires', String(Number(tampered.searchParams.get('expires')) + 3600));
    expect((await play(tampered.toString())).status).toBe(403);
  });

  it('does not play a call from a link signed for another account', async () => {
    const url = signedRecordingUrl(b.server.services, { accountId: b.accountId, callId });
    expect((await play(url)).status).toBe(404);
  });
});
