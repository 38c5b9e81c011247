import { getCurrentUser, getWorkspaceConnection, Settings } from 'attio/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ATTIO_USER,
  fakeNetwork,
  installedWorkspace,
  PARLEY_URL,
  personCall,
  SECRET,
} from '../../test/workspace';
import { ACTING_MEMBER_HEADER } from '../parley/api';
import startCall from './extensions/call-with-parley/start-call.server';
import addNote from './extensions/parley-calls/add-note.server';
import listCalls from './extensions/parley-calls/list-calls.server';

beforeEach(installedWorkspace);
afterEach(() => vi.unstubAllGlobals());

const PERSON = '9a8b7c6d-0000-4000-8000-00000000abcd';

describe('server functions calling Parley', () => {
  it("start a call for the Attio user, whose email comes from Attio's API, not from the browser", async () => {
    const net = fakeNetwork(() => ({
      status: 201,
      body: {
        mode: 'call_me_first',
        to: '+33698765432',
        callerId: '+33180000000',
        callId: 'c1',
        ringing: '+33611223344',
      },
    }));
    const outcome = await startCall('+33 6 98 76 54 32', PERSON);
    expect(outcome).toMatchObject({ ok: true, value: { mode: 'call_me_first', ringing: '+33611223344' } });
    const [lookup, call] = net.sent;
    expect(lookup).toMatchObject({
      url: `https://api.attio.com/v2/workspace_members/${ATTIO_USER.id}`,
      headers: { Authorization: 'Bearer attio-app-token' },
    });
    expect(call).toMatchObject({
      url: `${PARLEY_URL}/api/attio-app/calls`,
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}`, [ACTING_MEMBER_HEADER]: ATTIO_USER.email },
      body: { to: '+33 6 98 76 54 32', recordId: PERSON },
    });
  });

  it('start a call with no record when the number belongs to no person', async () => {
    const net = fakeNetwork(() => ({
      status: 201,
      body: { mode: 'simulated', to: '+33698765432', callerId: '+33180000000' },
    }));
    await startCall('+33698765432', null);
    expect(net.parleyRequests()[0]?.body).toEqual({ to: '+33698765432' });
  });

  it("list a person's calls by record and numbers, and hand back Parley's list", async () => {
    const call = personCall({ notes: 'Wants a quote', recordingUrl: 'https://phone.example.com/r/1' });
    const net = fakeNetwork(() => ({ status: 200, body: { calls: [call] } }));
    const outcome = await listCalls(PERSON, ['+33698765432', '+15555550100'], 50);
    expect(outcome).toEqual({ ok: true, value: [call] });
    const url = new URL(net.parleyRequests()[0]?.url ?? '');
    expect(url.pathname).toBe(`/api/attio-app/people/${PERSON}/calls`);
    expect(url.searchParams.get('phones')).toBe('+33698765432,+15555550100');
    expect(url.searchParams.get('limit')).toBe('50');
  });

  it('add a note to a call', async () => {
    const net = fakeNetwork(() => ({ status: 201, body: { id: 'c1', notes: 'Max Member: Sent the quote' } }));
    const outcome = await addNote('c1', 'Sent the quote');
    expect(outcome).toEqual({ ok: true, value: { id: 'c1', notes: 'Max Member: Sent the quote' } });
    expect(net.parleyRequests()[0]).toMatchObject({
      url: `${PARLEY_URL}/api/attio-app/calls/c1/notes`,
      method: 'POST',
      body: { text: 'Sent the quote' },
    });
  });

  it('ask an admin for the Parley URL before anything reaches the network', async () => {
    vi.mocked(Settings.getSettings).mockImplementation(async () => null);
    const net = fakeNetwork(() => ({ status: 500, body: null }));
    expect(await listCalls(PERSON, [], 50)).toMatchObject({ ok: false, problem: { code: 'not_configured' } });
    expect(net.sent).toHaveLength(0);
  });

  it('ask an admin to connect the app when the workspace has no secret', async () => {
    vi.mocked(getWorkspaceConnection).mockImplementation(() => {
      throw new Error('No connection');
    });
    const net = fakeNetwork(() => ({ status: 500, body: null }));
    expect(await addNote('c1', 'x')).toMatchObject({ ok: false, problem: { code: 'not_connected' } });
    expect(net.sent).toHaveLength(0);
  });

  it('call Parley for nobody when Attio cannot say who the user is', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.mocked(getCurrentUser).mockReturnValue({ id: 'someone-attio-does-not-know' });
    const net = fakeNetwork(() => ({ status: 500, body: null }));
    expect(await startCall('+33698765432', null)).toMatchObject({
      ok: false,
      problem: { code: 'unknown_user' },
    });
    expect(net.parleyRequests()).toHaveLength(0);
  });
});
