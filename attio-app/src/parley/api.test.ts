import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeNetwork, PARLEY_URL, SECRET } from '../../test/workspace';
import { ACTING_MEMBER_HEADER, callParley } from './api';
import { Installation } from './schemas';

const target = { baseUrl: `${PARLEY_URL}/`, secret: SECRET, actingEmail: 'max@example.com' };
const installation = { method: 'GET', path: '/api/attio-app/installation' } as const;

afterEach(() => vi.unstubAllGlobals());

describe('callParley', () => {
  it('sends the workspace secret as a bearer token and names the Attio user', async () => {
    const net = fakeNetwork(() => ({ status: 200, body: { account: { id: 'a1', name: 'Acme' } } }));
    const answer = await callParley(target, installation, Installation, fetch);
    expect(answer).toEqual({ ok: true, value: { account: { id: 'a1', name: 'Acme' } } });
    expect(net.sent[0]).toMatchObject({
      url: `${PARLEY_URL}/api/attio-app/installation`,
      method: 'GET',
      headers: { Authorization: `Bearer ${SECRET}`, [ACTING_MEMBER_HEADER]: 'max@example.com' },
    });
  });

  it('names nobody when it checks the secret alone', async () => {
    const net = fakeNetwork(() => ({ status: 200, body: { account: { id: 'a1', name: 'Acme' } } }));
    await callParley({ ...target, actingEmail: null }, installation, Installation, fetch);
    expect(net.sent[0]?.headers).not.toHaveProperty(ACTING_MEMBER_HEADER);
  });

  it("passes on Parley's own error code and message", async () => {
    fakeNetwork(() => ({
      status: 403,
      body: {
        error: { code: 'member_not_found', message: 'No Parley member uses max@example.com', details: {} },
      },
    }));
    expect(await callParley(target, installation, Installation, fetch)).toEqual({
      ok: false,
      problem: { code: 'member_not_found', message: 'No Parley member uses max@example.com' },
    });
  });

  it('asks for a new token when Parley refuses it without a body it can read', async () => {
    fakeNetwork(() => ({ status: 401, body: 'nope' }));
    const answer = await callParley(target, installation, Installation, fetch);
    expect(answer).toMatchObject({ ok: false, problem: { code: 'unauthenticated' } });
  });

  it('points at the Parley URL when Parley does not answer', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeNetwork(() => 'network-down');
    const answer = await callParley(target, installation, Installation, fetch);
    expect(answer).toMatchObject({ ok: false, problem: { code: 'parley_unreachable' } });
    if (!answer.ok) expect(answer.problem.message).toContain(`${PARLEY_URL}/`);
  });

  it('refuses an answer of the wrong shape rather than showing half of it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeNetwork(() => ({ status: 200, body: { account: { id: 7 } } }));
    const answer = await callParley(target, installation, Installation, fetch);
    expect(answer).toMatchObject({ ok: false, problem: { code: 'bad_response' } });
  });
});
