import { describe, expect, it } from 'vitest';
import { CarrierError } from '../../errors.ts';
import { webhookUrls } from './urls.ts';

const BASE = 'https://parley.example.com';
const CALL = '3f2c9a1e-7b4d-4c8e-9f00-1a2b3c4d5e6f';
const MEMBER = '00000000-0000-4000-8000-00000000000a';

describe('webhookUrls', () => {
  const urls = webhookUrls(BASE);

  it('builds every URL of the scheme under the base', () => {
    expect(urls.voice()).toBe(`${BASE}/webhooks/twilio/voice`);
    expect(urls.status()).toBe(`${BASE}/webhooks/twilio/status`);
    expect(urls.step(CALL, '0.d1.n')).toBe(`${BASE}/webhooks/twilio/step?call=${CALL}&path=0.d1.n`);
    expect(urls.dial(CALL, '0')).toBe(`${BASE}/webhooks/twilio/dial?call=${CALL}&path=0`);
    expect(urls.gather(CALL, '0.o')).toBe(`${BASE}/webhooks/twilio/gather?call=${CALL}&path=0.o`);
    expect(urls.answer(CALL, MEMBER)).toBe(`${BASE}/webhooks/twilio/answer?call=${CALL}&member=${MEMBER}`);
    expect(urls.leg(CALL, 'forward')).toBe(`${BASE}/webhooks/twilio/leg?call=${CALL}&member=forward`);
    expect(urls.voicemail(CALL)).toBe(`${BASE}/webhooks/twilio/voicemail?call=${CALL}`);
    expect(urls.recording(CALL)).toBe(`${BASE}/webhooks/twilio/recording?call=${CALL}`);
    expect(urls.transcription(CALL)).toBe(`${BASE}/webhooks/twilio/transcription?call=${CALL}`);
  });

  it('gives back the call and path exactly, even for values that need encoding', () => {
    for (const [call, path] of [
      [CALL, '0.d1.i2.o.n'],
      ['a b&c=d+e', '0.n?x#y'],
      ['é€', '/%2F'],
    ] as const) {
      for (const built of [urls.step(call, path), urls.dial(call, path), urls.gather(call, path)]) {
        const parsed = new URL(built);
        expect(parsed.searchParams.get('call')).toBe(call);
        expect(parsed.searchParams.get('path')).toBe(path);
        expect([...parsed.searchParams.keys()]).toEqual(['call', 'path']);
      }
      const leg = new URL(urls.leg(call, path));
      expect(leg.searchParams.get('member')).toBe(path);
    }
  });

  it('encodes a value the same way every time, so a rebuilt URL matches the signed one', () => {
    expect(urls.step('a b', '0')).toBe(urls.step('a b', '0'));
    expect(urls.step('a b&c', '0')).toBe(`${BASE}/webhooks/twilio/step?call=a+b%26c&path=0`);
  });

  it('keeps a path prefix and drops trailing slashes of the base', () => {
    expect(webhookUrls('https://example.com/parley/').voice()).toBe(
      'https://example.com/parley/webhooks/twilio/voice',
    );
    expect(webhookUrls('http://127.0.0.1:3000//').status()).toBe(
      'http://127.0.0.1:3000/webhooks/twilio/status',
    );
  });

  it.each([
    ['not a URL', 'parley.example.com'],
    ['another scheme', 'ftp://parley.example.com'],
    ['a query', 'https://parley.example.com/?a=1'],
    ['a fragment', 'https://parley.example.com/#x'],
  ])('rejects a base that is %s', (_, base) => {
    expect(() => webhookUrls(base)).toThrow(CarrierError);
    expect(() => webhookUrls(base)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});
