import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookRequest } from '../core/webhook.ts';
import { type HubspotEmulator, startHubspotEmulator } from './emulator/index.ts';
import { hubspot } from './index.ts';
import { signedUri, signV3 } from './webhook.ts';

const webhook = hubspot.webhook;
if (!webhook) throw new Error('HubSpot pushes contact changes');

const URL_CALLED = 'https://parley.example/webhooks/crm/hubspot?connection=42';
let emulator: HubspotEmulator;
let signed: WebhookRequest;
let sentAt: number;

beforeAll(async () => {
  emulator = await startHubspotEmulator();
  signed = emulator.webhook(URL_CALLED, [
    { personId: '101', change: 'created' },
    { personId: '102', change: 'updated' },
    { personId: '103', change: 'deleted' },
  ]);
  sentAt = Number(signed.headers['x-hubspot-request-timestamp']);
});
afterAll(async () => {
  await emulator.close();
});

describe('HubSpot webhooks', () => {
  it('accepts a request signed as HubSpot signs it and maps each event to a change', () => {
    const verdict = webhook.verify(signed, emulator.webhookSecret, sentAt + 1_000);
    expect(verdict).toEqual({
      ok: true,
      changes: [
        {
          accountId: String(emulator.state.portalId),
          personId: '101',
          change: 'created',
          occurredAt: new Date(sentAt),
        },
        {
          accountId: String(emulator.state.portalId),
          personId: '102',
          change: 'updated',
          occurredAt: new Date(sentAt),
        },
        {
          accountId: String(emulator.state.portalId),
          personId: '103',
          change: 'deleted',
          occurredAt: new Date(sentAt),
        },
      ],
    });
  });

  it('names the portal before verifying, so core can find the connection’s secret', () => {
    expect(webhook.accountOf(signed)).toBe(String(emulator.state.portalId));
    expect(webhook.accountOf({ ...signed, rawBody: 'not json' })).toBeNull();
  });

  it.each([
    [
      'a re-serialised body',
      () => ({ ...signed, rawBody: JSON.stringify(JSON.parse(signed.rawBody), null, 2) }),
    ],
    ['another URL', () => ({ ...signed, url: `${URL_CALLED}&x=1` })],
    ['another method', () => ({ ...signed, method: 'PUT' })],
    [
      'a forged signature',
      () => ({ ...signed, headers: { ...signed.headers, 'x-hubspot-signature-v3': 'AAAA' } }),
    ],
    ['no signature', () => ({ ...signed, headers: { 'x-hubspot-request-timestamp': String(sentAt) } })],
  ])('rejects %s', (_, make) => {
    expect(webhook.verify(make(), emulator.webhookSecret, sentAt + 1_000).ok).toBe(false);
  });

  it('rejects a request signed with another secret', () => {
    expect(webhook.verify(signed, 'another-secret', sentAt).ok).toBe(false);
  });

  it('rejects a replay older than five minutes', () => {
    expect(webhook.verify(signed, emulator.webhookSecret, sentAt + 5 * 60_000 + 1).ok).toBe(false);
    expect(webhook.verify(signed, emulator.webhookSecret, sentAt + 5 * 60_000).ok).toBe(true);
  });

  it('rejects a signed body that is not HubSpot’s event array', () => {
    const rawBody = JSON.stringify({ hello: 'world' });
    const timestamp = String(sentAt);
    const request: WebhookRequest = {
      method: 'POST',
      url: URL_CALLED,
      rawBody,
      headers: {
        'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-v3': signV3(emulator.webhookSecret, 'POST', URL_CALLED, rawBody, timestamp),
      },
    };
    expect(webhook.verify(request, emulator.webhookSecret, sentAt)).toMatchObject({ ok: false });
  });

  it('signs the URI with HubSpot’s listed escapes decoded', () => {
    expect(signedUri('https://x.example/hook?a=%3A%2F%40&b=%20')).toBe('https://x.example/hook?a=:/@&b=%20');
  });
});
