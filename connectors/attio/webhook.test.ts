import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttioEmulator, startAttioEmulator } from './emulator/index.ts';
import { attioSignature, attioWebhook } from './webhook.ts';

const URL_ = 'https://parley.example/webhooks/crm/attio';
const NOW = Date.parse('2026-11-02T09:00:00Z');

describe('Attio webhooks', () => {
  let emulator: AttioEmulator;
  beforeAll(async () => {
    emulator = await startAttioEmulator({ enforceLimit: false });
  });
  afterAll(() => emulator.close());

  it('accepts a delivery signed as Attio signs it and names the person and the workspace', () => {
    const request = emulator.webhook(URL_, [
      { personId: 'p-1', change: 'updated' },
      { personId: 'p-2', change: 'deleted' },
    ]);
    expect(attioWebhook.accountOf(request)).toBe(emulator.state.workspaceId);
    const verdict = attioWebhook.verify(request, emulator.webhookSecret, NOW);
    expect(verdict).toEqual({
      ok: true,
      changes: [
        {
          accountId: emulator.state.workspaceId,
          personId: 'p-1',
          change: 'updated',
          occurredAt: new Date(NOW),
        },
        {
          accountId: emulator.state.workspaceId,
          personId: 'p-2',
          change: 'deleted',
          occurredAt: new Date(NOW),
        },
      ],
    });
  });

  it('accepts the copy of the signature in X-Attio-Signature alone', () => {
    const request = emulator.webhook(URL_, [{ personId: 'p-1', change: 'created' }]);
    const { 'attio-signature': _, ...headers } = request.headers;
    expect(attioWebhook.verify({ ...request, headers }, emulator.webhookSecret, NOW).ok).toBe(true);
  });

  it.each([
    ['a body re-serialised with other spacing', (raw: string) => JSON.stringify(JSON.parse(raw), null, 2)],
    ['a body with another person', (raw: string) => raw.replace('p-1', 'p-9')],
  ])('refuses %s under the original signature', (_, change) => {
    const request = emulator.webhook(URL_, [{ personId: 'p-1', change: 'updated' }]);
    const verdict = attioWebhook.verify(
      { ...request, rawBody: change(request.rawBody) },
      emulator.webhookSecret,
      NOW,
    );
    expect(verdict.ok).toBe(false);
  });

  it.each([
    ['signed with another secret', (raw: string) => attioSignature(raw, 'not-the-secret')],
    ['a signature of the wrong length', () => 'abcd'],
    ['a signature that is not hex', () => 'zz'.repeat(32)],
  ])('refuses a delivery %s', (_, sign) => {
    const request = emulator.webhook(URL_, [{ personId: 'p-1', change: 'updated' }]);
    const headers = {
      ...request.headers,
      'attio-signature': sign(request.rawBody),
      'x-attio-signature': undefined,
    };
    expect(attioWebhook.verify({ ...request, headers }, emulator.webhookSecret, NOW).ok).toBe(false);
  });

  it('refuses a delivery without a signature', () => {
    const request = emulator.webhook(URL_, [{ personId: 'p-1', change: 'updated' }]);
    const verdict = attioWebhook.verify({ ...request, headers: {} }, emulator.webhookSecret, NOW);
    expect(verdict).toEqual({ ok: false, reason: 'no Attio-Signature header' });
  });

  it('skips events that are not record changes, such as a note created', () => {
    const rawBody = JSON.stringify({
      webhook_id: 'w',
      events: [{ event_type: 'note.created', id: { workspace_id: 'ws', note_id: 'n' } }],
    });
    const request = {
      method: 'POST',
      url: URL_,
      headers: { 'attio-signature': attioSignature(rawBody, 's') },
      rawBody,
    };
    expect(attioWebhook.verify(request, 's', NOW)).toEqual({ ok: true, changes: [] });
  });
});
