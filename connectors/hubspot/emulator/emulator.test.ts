import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type HubspotEmulator, startHubspotEmulator } from './index.ts';

let emulator: HubspotEmulator;
let token: string;

beforeEach(async () => {
  emulator = await startHubspotEmulator();
  const { credentials } = emulator.config();
  token = credentials.accessToken;
});
afterEach(async () => {
  await emulator.close();
});

function post(path: string, body: unknown, auth = token) {
  return fetch(`${emulator.running.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const search = (sorts: unknown) => ({
  filterGroups: [],
  sorts,
  properties: ['firstname'],
  limit: 10,
  after: '0',
});

describe('HubSpot emulator', () => {
  it('refuses a request the spec does not allow, with HubSpot’s error body, and records the violation', async () => {
    const response = await post('/crm/v3/objects/calls/batch/upsert', { records: [] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(emulator.running.violations.splice(0)).toEqual([
      expect.objectContaining({ what: 'request', path: '/crm/v3/objects/calls/batch/upsert' }),
    ]);
  });

  it('refuses a path no spec describes', async () => {
    const response = await post('/crm/v3/objects/calls/batch/merge', { inputs: [] });
    expect(response.status).toBe(400);
    expect(emulator.running.violations.splice(0)).toEqual([
      expect.objectContaining({ what: 'unknown-operation' }),
    ]);
  });

  it('takes search sorts as HubSpot does ({propertyName, direction}), not as the spec’s strings', async () => {
    const good = await post(
      '/crm/v3/objects/contacts/search',
      search([{ propertyName: 'firstname', direction: 'ASCENDING' }]),
    );
    expect(good.status).toBe(200);
    expect(emulator.running.violations).toEqual([]);
    const bad = await post('/crm/v3/objects/contacts/search', search(['firstname']));
    expect(bad.status).toBe(400);
    expect(emulator.running.violations.splice(0)).toEqual([
      expect.objectContaining({ spec: 'search sorts erratum' }),
    ]);
  });

  it('answers 401 INVALID_AUTHENTICATION to an unknown token', async () => {
    const response = await fetch(`${emulator.running.url}/crm/v3/owners`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('answers 401 EXPIRED_AUTHENTICATION to an expired token', async () => {
    emulator.tokens.expire(token);
    const response = await fetch(`${emulator.running.url}/crm/v3/owners`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
  });

  it('enforces Search’s 5 requests per second with HubSpot’s SECONDLY 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await post('/crm/v3/objects/contacts/search', search([]));
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(await response.json()).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('refuses a batch of more than 100 inputs', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: `x${i}`, properties: {} }));
    const response = await post('/crm/v3/objects/calls/batch/archive', { inputs });
    expect(response.status).toBe(400);
  });

  it('upserts by a unique property only once that property exists', async () => {
    const input = {
      inputs: [
        { id: 'call-1', idProperty: 'parley_call_id', properties: { hs_timestamp: '2026-11-02T09:15:00Z' } },
      ],
    };
    const before = await post('/crm/v3/objects/calls/batch/upsert', input);
    expect(before.status).toBe(207);
    await post('/crm/v3/properties/calls', {
      name: 'parley_call_id',
      label: 'Parley call id',
      type: 'string',
      fieldType: 'text',
      groupName: 'callinformation',
      hasUniqueValue: true,
    });
    const Upserted = z.object({ results: z.array(z.object({ id: z.string(), new: z.boolean() })).length(1) });
    const upsert = async () =>
      Upserted.parse(await (await post('/crm/v3/objects/calls/batch/upsert', input)).json()).results[0];
    const first = await upsert();
    const second = await upsert();
    expect(first?.new).toBe(true);
    expect(second).toEqual({ id: first?.id, new: false });
    expect(emulator.running.violations).toEqual([]);
  });
});
