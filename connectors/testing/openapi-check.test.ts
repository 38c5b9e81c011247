import { describe, expect, it } from 'vitest';
import { loadSpecCheck } from './openapi-check.ts';

const request = (method: string, path: string, body: unknown, query = '') => ({
  method,
  path,
  query,
  headers: { 'content-type': 'application/json' },
  body,
});

describe('spec check against the vendors’ OpenAPI documents', () => {
  it('accepts a HubSpot batch create the spec allows and names what is missing in one it does not', async () => {
    const check = await loadSpecCheck(['hubspot/calls-v3.json']);
    const good = request('POST', '/crm/v3/objects/calls/batch/create', {
      inputs: [{ properties: { hs_timestamp: '2026-01-01T00:00:00Z' }, associations: [] }],
    });
    expect(check.checkRequest(good)).toEqual([]);
    const bad = request('POST', '/crm/v3/objects/calls/batch/create', { inputs: [{ properties: {} }] });
    const [violation] = check.checkRequest(bad);
    expect(violation?.what).toBe('request');
    expect(violation?.errors.join(' ')).toContain('associations');
  });

  it('reports a path no spec describes', async () => {
    const check = await loadSpecCheck(['hubspot/calls-v3.json']);
    expect(check.checkRequest(request('GET', '/crm/v3/objects/widgets', undefined))[0]?.what).toBe(
      'unknown-operation',
    );
  });

  it('checks a response body against the operation’s schema for its status', async () => {
    const check = await loadSpecCheck(['hubspot/calls-v3.json']);
    const req = request('POST', '/crm/v3/objects/calls/batch/create', { inputs: [] });
    expect(check.checkResponse(req, 201, { status: 'COMPLETE', results: 'nope' })[0]?.what).toBe('response');
  });

  it('reads Attio’s YAML document', async () => {
    const check = await loadSpecCheck(['attio/attio-openapi.yaml']);
    expect(
      check.operationFor(
        request('PUT', '/v2/objects/people/records', {}, 'matching_attribute=email_addresses'),
      ),
    ).not.toBeNull();
  });
});
