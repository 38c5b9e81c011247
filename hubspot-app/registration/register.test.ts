import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSpecCheck, type SpecCheck, type SpecViolation } from '../../connectors/testing/openapi-check.ts';
import { desiredRecordingSettings, desiredSettings } from './calling-settings.ts';
import { registerCallingExtension } from './register.ts';

const APP_ID = '3141592';
const PUBLIC_URL = 'https://phone.example.com';

/**
 * HubSpot's calling settings endpoints, small: what is stored per path, every request checked
 * against the official spec (calling-extensions-v3.json), answers shaped like HubSpot's.
 */
function fakeHubspot(spec: SpecCheck) {
  const stored = new Map<string, Record<string, unknown>>();
  const seen: Array<{ method: string; path: string; body: unknown }> = [];
  const violations: SpecViolation[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = raw ? JSON.parse(raw) : undefined;
      const method = req.method ?? 'GET';
      // `hapikey` is the spec's `developer_hapikey` security scheme (apiKey in query), not a parameter.
      const query = new URLSearchParams(url.search);
      query.delete('hapikey');
      violations.push(
        ...spec.checkRequest({
          method,
          path: url.pathname,
          query: query.toString(),
          headers: req.headers,
          body,
        }),
      );
      seen.push({ method, path: url.pathname, body });
      const answer = (status: number, json?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      if (url.searchParams.get('hapikey') !== 'dev-key')
        return answer(401, {
          status: 'error',
          message: 'The API key provided is invalid.',
          category: 'INVALID_AUTHENTICATION',
        });
      const current = stored.get(url.pathname);
      const now = new Date().toISOString();
      if (method === 'GET')
        return current
          ? answer(200, current)
          : answer(404, { status: 'error', message: 'Settings not found', category: 'OBJECT_NOT_FOUND' });
      if (method === 'POST' || method === 'PATCH') {
        const next = {
          ...(method === 'PATCH' ? current : {}),
          ...body,
          createdAt: current?.createdAt ?? now,
          updatedAt: now,
        };
        stored.set(url.pathname, next);
        return answer(200, next);
      }
      answer(405);
    });
  });
  return { server, stored, seen, violations };
}

describe('registering Parley’s calling extension with HubSpot', () => {
  let hubspot: ReturnType<typeof fakeHubspot>;
  let apiBaseUrl: string;
  const register = (publicUrl = PUBLIC_URL, recording = true) =>
    registerCallingExtension({
      apiBaseUrl,
      appId: APP_ID,
      auth: { hapikey: 'dev-key' },
      settings: desiredSettings(publicUrl, true),
      recording: recording ? desiredRecordingSettings(publicUrl) : null,
    });

  beforeAll(async () => {
    hubspot = fakeHubspot(await loadSpecCheck(['hubspot/calling-extensions-v3.json']));
    await new Promise<void>((resolve) => hubspot.server.listen(0, '127.0.0.1', resolve));
    apiBaseUrl = `http://127.0.0.1:${(hubspot.server.address() as AddressInfo).port}`;
  });
  afterAll(() => hubspot.server.close());
  beforeEach(() => {
    hubspot.stored.clear();
    hubspot.seen.length = 0;
    hubspot.violations.length = 0;
  });

  it('creates the settings with every field the spec requires, then the recording URL with its %s', async () => {
    const lines = await register();
    expect(lines).toEqual([
      `calling settings: created (name="Parley", url="${PUBLIC_URL}/dialer?host=hubspot", width=400, height=600, isReady=true, supportsInboundCalling=true, supportsCustomObjects=true, usesCallingWindow=true, usesRemote=true)`,
      `recording settings: created (urlToRetrieveAuthedRecording="${PUBLIC_URL}/hubspot/recordings/%s")`,
    ]);
    expect(hubspot.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /crm/v3/extensions/calling/${APP_ID}/settings`,
      `POST /crm/v3/extensions/calling/${APP_ID}/settings`,
      `GET /crm/v3/extensions/calling/${APP_ID}/settings/recording`,
      `POST /crm/v3/extensions/calling/${APP_ID}/settings/recording`,
    ]);
    expect(hubspot.violations).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    await register();
    hubspot.seen.length = 0;
    expect(await register()).toEqual(['calling settings: unchanged', 'recording settings: unchanged']);
    expect(hubspot.seen.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('patches only what differs after Parley moved, and says what changed', async () => {
    await register();
    hubspot.seen.length = 0;
    const lines = await register('https://calls.example.org/');
    expect(lines).toEqual([
      `calling settings: updated url "${PUBLIC_URL}/dialer?host=hubspot" → "https://calls.example.org/dialer?host=hubspot"`,
      `recording settings: updated urlToRetrieveAuthedRecording "${PUBLIC_URL}/hubspot/recordings/%s" → "https://calls.example.org/hubspot/recordings/%s"`,
    ]);
    expect(hubspot.seen.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { url: 'https://calls.example.org/dialer?host=hubspot' },
      { urlToRetrieveAuthedRecording: 'https://calls.example.org/hubspot/recordings/%s' },
    ]);
    expect(hubspot.violations).toEqual([]);
  });

  it('leaves the recording settings alone when recordings are not offered', async () => {
    expect(await register(PUBLIC_URL, false)).toHaveLength(1);
    expect(hubspot.seen.some((r) => r.path.endsWith('/recording'))).toBe(false);
  });

  it('stops with HubSpot’s own message when HubSpot refuses', async () => {
    await expect(
      registerCallingExtension({
        apiBaseUrl,
        appId: APP_ID,
        auth: { hapikey: 'wrong' },
        settings: desiredSettings(PUBLIC_URL, false),
        recording: null,
      }),
    ).rejects.toThrow('HubSpot answered 401 to GET /settings: The API key provided is invalid.');
  });
});
