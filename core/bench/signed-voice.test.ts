import { describe, expect, it } from 'vitest';
import { parseForm } from '../src/telephony/twilio/webhooks/form.ts';
import { verifyTwilioSignature } from '../src/telephony/twilio/webhooks/signature.ts';
import { signedVoiceWebhooks, VOICE_PATH } from './signed-voice.ts';

const caller = {
  publicUrl: 'http://localhost:4321/',
  accountSid: `AC${'a'.repeat(32)}`,
  authToken: 'b'.repeat(32),
  from: '+33612345678',
  to: '+33187654321',
};

describe('signedVoiceWebhooks', () => {
  it('signs each body for the public voice URL with the account token, as Twilio does', () => {
    const next = signedVoiceWebhooks(caller);
    for (let i = 0; i < 3; i++) {
      const { body, signature } = next();
      const params = parseForm(body);
      const check = { url: `http://localhost:4321${VOICE_PATH}`, params, signature };
      expect(verifyTwilioSignature({ ...check, authToken: caller.authToken })).toBe(true);
      expect(verifyTwilioSignature({ ...check, authToken: 'c'.repeat(32) })).toBe(false);
      expect(params).toMatchObject({ From: caller.from, To: caller.to, AccountSid: caller.accountSid });
    }
  });

  it('gives every webhook a new, well-formed CallSid carried in its body', () => {
    const next = signedVoiceWebhooks(caller, '0badf00d');
    const sent = Array.from({ length: 1000 }, next);
    expect(new Set(sent.map((s) => s.callSid)).size).toBe(1000);
    for (const { callSid, body } of sent) {
      expect(callSid).toMatch(/^CA0badf00d[0-9a-f]{24}$/);
      expect(parseForm(body).CallSid).toBe(callSid);
    }
  });

  it('refuses a run id that would make CallSids Twilio never sends', () => {
    expect(() => signedVoiceWebhooks(caller, 'xyz')).toThrow(/8 hex characters/);
  });
});
