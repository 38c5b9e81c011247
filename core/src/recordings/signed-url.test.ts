import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../crypto/secret-box.ts';
import { checkSignedRecordingLink, signedRecordingUrl } from './signed-url.ts';

const secrets = createSecretBox(randomBytes(32));
const at = (iso: string) => () => new Date(iso);
const link = {
  accountId: '6f1c2d3e-0000-4000-8000-000000000001',
  callId: '6f1c2d3e-0000-4000-8000-0000000000aa',
};

function partsOf(url: string) {
  const parsed = new URL(url);
  return {
    path: parsed.pathname,
    account: parsed.searchParams.get('account') ?? '',
    expires: Number(parsed.searchParams.get('expires')),
    signature: parsed.searchParams.get('signature') ?? '',
  };
}

describe('signed recording links', () => {
  const deps = { publicUrl: 'https://phone.example.com', secrets, now: at('2026-03-01T10:00:00Z') };

  it('points at the call on the public URL and holds until it expires', () => {
    const url = signedRecordingUrl(deps, link, 3600);
    const parts = partsOf(url);
    expect(url.startsWith(`https://phone.example.com/api/recordings/${link.callId}?`)).toBe(true);
    expect(parts.account).toBe(link.accountId);
    expect(parts.expires).toBe(Date.parse('2026-03-01T11:00:00Z') / 1000);
    expect(
      checkSignedRecordingLink(
        { secrets, now: at('2026-03-01T10:59:59Z') },
        link,
        parts.expires,
        parts.signature,
      ),
    ).toEqual({ ok: true });
    expect(
      checkSignedRecordingLink(
        { secrets, now: at('2026-03-01T11:00:01Z') },
        link,
        parts.expires,
        parts.signature,
      ),
    ).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a link whose call, account or expiry was changed, or signed with another key', () => {
    const parts = partsOf(signedRecordingUrl(deps, link, 3600));
    const check = (l: typeof link, expires: number, signature = parts.signature, box = secrets) =>
      checkSignedRecordingLink({ secrets: box, now: deps.now }, l, expires, signature);
    expect(check({ ...link, callId: '6f1c2d3e-0000-4000-8000-0000000000bb' }, parts.expires)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(check({ ...link, accountId: '6f1c2d3e-0000-4000-8000-000000000002' }, parts.expires)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(check(link, parts.expires + 86_400)).toEqual({ ok: false, reason: 'invalid' });
    expect(check(link, parts.expires, 'x')).toEqual({ ok: false, reason: 'invalid' });
    expect(check(link, parts.expires, parts.signature, createSecretBox(randomBytes(32)))).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
