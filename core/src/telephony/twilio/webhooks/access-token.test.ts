import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CarrierError } from '../../errors.ts';
import { type VoiceAccessTokenInput, voiceAccessToken } from './access-token.ts';

const INPUT: VoiceAccessTokenInput = {
  accountSid: `AC${'a'.repeat(32)}`,
  apiKeySid: `SK${'b'.repeat(32)}`,
  apiKeySecret: 'key-secret-for-tests',
  twimlAppSid: `AP${'c'.repeat(32)}`,
  identity: 'm_0f8fad5bd9cb469fa16570867728950e',
};
const NOW = new Date('2026-03-02T10:00:00.000Z');

function decode(token: string, secret: string) {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const received = Buffer.from(signature, 'base64url');
  const signedWithSecret = expected.length === received.length && timingSafeEqual(expected, received);
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: json(header), payload: json(payload), signedWithSecret };
}

describe('voiceAccessToken', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is an HS256 JWT signed with the API key secret', () => {
    const { token } = voiceAccessToken(INPUT);
    const decoded = decode(token, INPUT.apiKeySecret);
    expect(decoded.signedWithSecret).toBe(true);
    expect(decode(token, 'another-secret').signedWithSecret).toBe(false);
    expect(decoded.header).toMatchObject({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' });
  });

  it('is issued by the API key for the account, to the identity', () => {
    const { payload } = decode(voiceAccessToken(INPUT).token, INPUT.apiKeySecret);
    expect(payload.iss).toBe(INPUT.apiKeySid);
    expect(payload.sub).toBe(INPUT.accountSid);
    expect(payload.grants.identity).toBe(INPUT.identity);
  });

  it('grants incoming calls and outgoing calls through the TwiML App', () => {
    const { payload } = decode(voiceAccessToken(INPUT).token, INPUT.apiKeySecret);
    expect(payload.grants.voice).toEqual({
      incoming: { allow: true },
      outgoing: { application_sid: INPUT.twimlAppSid },
    });
  });

  it('expires after one hour by default and reports that instant', () => {
    const result = voiceAccessToken(INPUT);
    const { payload } = decode(result.token, INPUT.apiKeySecret);
    expect(payload.exp).toBe(NOW.getTime() / 1000 + 3600);
    expect(result.expiresAt).toEqual(new Date(NOW.getTime() + 3600_000));
    expect(result.identity).toBe(INPUT.identity);
  });

  it('honours a custom lifetime', () => {
    const result = voiceAccessToken({ ...INPUT, ttlSeconds: 600 });
    expect(decode(result.token, INPUT.apiKeySecret).payload.exp).toBe(NOW.getTime() / 1000 + 600);
    expect(result.expiresAt).toEqual(new Date(NOW.getTime() + 600_000));
  });

  it('refuses identities Twilio clients cannot carry', () => {
    for (const identity of ['', 'alice@example.com', 'rep alice', 'a'.repeat(257)]) {
      expect(() => voiceAccessToken({ ...INPUT, identity }), identity).toThrow(
        expect.objectContaining({ kind: 'invalid' }),
      );
    }
  });

  it('refuses a lifetime that is not a whole number of seconds up to 24 hours', () => {
    for (const ttlSeconds of [0, -1, 1.5, 86_401]) {
      expect(() => voiceAccessToken({ ...INPUT, ttlSeconds }), String(ttlSeconds)).toThrow(
        /between 1 and 86400/,
      );
    }
    expect(() => voiceAccessToken({ ...INPUT, ttlSeconds: 86_400 })).not.toThrow();
  });

  it('refuses malformed credentials as an auth error that names where to find them', () => {
    const bad: Partial<VoiceAccessTokenInput>[] = [
      { accountSid: 'AC123' },
      { apiKeySid: INPUT.accountSid },
      { apiKeySecret: '' },
      { twimlAppSid: `PN${'c'.repeat(32)}` },
    ];
    for (const change of bad) {
      let error: unknown;
      try {
        voiceAccessToken({ ...INPUT, ...change });
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(change)).toBeInstanceOf(CarrierError);
      expect(error).toMatchObject({ kind: 'auth', message: expect.stringContaining('Twilio Console') });
    }
  });
});
