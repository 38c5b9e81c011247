import { getCurrentUser, getWorkspaceConnection, Settings } from 'attio/server';
import { vi } from 'vitest';
import type { PersonCall } from '../src/parley/schemas';

export const PARLEY_URL = 'https://phone.example.com';
export const SECRET = 'prly_installers_token';
export const ATTIO_USER = { id: '8d0c8a34-6a7e-4b8e-9a63-3a2f5c1d0e11', email: 'max@example.com' };

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status: number; body: unknown } | 'network-down';

/**
 * Stands in for the network of Attio's server runtime: Attio's REST API knows one workspace
 * member, and Parley answers what each test says. Every request is kept for the test to inspect.
 */
export function fakeNetwork(parley: (request: SentRequest) => Answer) {
  const sent: SentRequest[] = [];
  const fetchFn = vi.fn(async (url: string, init: RequestInit = {}) => {
    const request: SentRequest = {
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    let answer: Answer;
    if (url.startsWith('https://api.attio.com/v2/workspace_members/')) {
      answer = url.endsWith(ATTIO_USER.id)
        ? { status: 200, body: { data: { email_address: ATTIO_USER.email, first_name: 'Max' } } }
        : { status: 404, body: { status_code: 404, type: 'invalid_request_error', code: 'not_found' } };
    } else answer = parley(request);
    if (answer === 'network-down') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchFn);
  return { sent, parleyRequests: () => sent.filter((r) => r.url.startsWith(PARLEY_URL)) };
}

/** A workspace where an admin entered the Parley URL and connected the app, and Max is signed in. */
export function installedWorkspace() {
  vi.mocked(Settings.getSettings).mockImplementation(async () => PARLEY_URL);
  vi.mocked(getWorkspaceConnection).mockReturnValue({
    id: 'conn_1',
    value: SECRET,
    connection_key: 'parley',
    createdBy: { type: 'user', id: 'admin' },
    ownedBy: { type: 'workspace', id: 'ws_1' },
  });
  vi.mocked(getCurrentUser).mockReturnValue({ id: ATTIO_USER.id });
}

export function personCall(overrides: Partial<PersonCall> = {}): PersonCall {
  return {
    id: '0b7c2f9e-5d1a-4c3b-8e2f-1a2b3c4d5e6f',
    direction: 'outbound',
    startedAt: '2026-11-12T13:03:00.000Z',
    number: '+33698765432',
    result: 'answered',
    live: false,
    durationSeconds: 125,
    member: { name: 'Max Member', email: 'max@example.com' },
    notes: null,
    disposition: null,
    summary: null,
    recordingUrl: null,
    voicemail: null,
    ...overrides,
  };
}
