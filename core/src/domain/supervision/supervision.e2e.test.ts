import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import { addMember, addSeats } from '../../http/testing/fixtures.ts';
import { teamWithOneRep } from '../../http/testing/team-line.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { simulatedConferences } from '../../telephony/simulator/conference-control.ts';
import { memberChannel } from '../events/channels.ts';
import { conferenceName } from './modes.ts';
import { liveAnsweredCall } from './testing/live-call.ts';

/**
 * Live listening end to end on the simulator: the API moves the call into its conference and calls
 * the admin in; every leg fetches its <Dial><Conference> TwiML over signed HTTP and the simulated
 * conference holds each participant as the TwiML and the participant updates say.
 */
describe('live listening, whispering and barging in', () => {
  let server: TestServer;
  let admin: ApiClient;
  let adminId: string;
  let accountId: string;
  let lea: { memberId: string; client: ApiClient };
  let call: { callId: string; callSid: string; repLegSid: string };
  let room: string;
  const toLea: unknown[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const team = await teamWithOneRep(server);
    ({ admin, adminId, accountId, rep: lea } = team);
    const { number } = team;
    await server.services.bus.subscribe(memberChannel(accountId, lea.memberId), (message) => {
      toLea.push(message);
    });
    call = await liveAnsweredCall(server, { from: '+33612345678', to: number.e164, memberId: lea.memberId });
    room = conferenceName(call.callId);
  });
  afterAll(() => server?.close());

  const participant = (label: string) =>
    simulatedConferences.participants(room).find((p) => p.label === label);
  const supervisor = () =>
    simulatedConferences.participants(room).find((p) => p.label.startsWith('supervisor-'));

  it('refuses to listen while the account has live listening off', async () => {
    const res = await admin.post(`/api/calls/${call.callId}/supervisions`, { mode: 'listen' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('live_listening_off');
  });

  it('lets no member listen to a call, not even their own team’s', async () => {
    expect((await admin.put('/api/account/live-listening', { enabled: true })).status).toBe(200);
    const res = await lea.client.post(`/api/calls/${call.callId}/supervisions`, { mode: 'listen' });
    expect(res.status).toBe(403);
    expect(participant('rep')).toBeUndefined();
  });

  it('lets no admin of another account listen, nor learn the call exists', async () => {
    const other = await startOtherAdmin();
    expect((await other.post(`/api/calls/${call.callId}/supervisions`, { mode: 'listen' })).status).toBe(404);
    expect((await other.get(`/api/calls/${call.callId}/supervisions`)).status).toBe(404);
  });

  it('moves the call into its conference and joins the admin muted to listen', async () => {
    const res = await admin.post(`/api/calls/${call.callId}/supervisions`, { mode: 'listen' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ mode: 'listen', supervisorMemberId: adminId });
    expect(participant('rep')).toMatchObject({ callSid: call.repLegSid, muted: false, coach: null });
    expect(participant('customer')).toMatchObject({ callSid: call.callSid, muted: false, coach: null });
    expect(supervisor()).toMatchObject({ callSid: res.body.legSid, muted: true, coach: null });
    expect(simulatedConferences.hearersOf(room, res.body.legSid)).toEqual([]);
    expect(toLea).toContainEqual({ type: 'being_supervised', callId: call.callId, mode: 'listen' });
  });

  it('whispers to the rep only, as the coach of the rep’s leg', async () => {
    const [open] = (await admin.get(`/api/calls/${call.callId}/supervisions`)).body.supervisions;
    const res = await admin.patch(`/api/supervisions/${open.id}`, { mode: 'whisper' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(supervisor()).toMatchObject({ muted: false, coach: call.repLegSid });
    expect(simulatedConferences.hearersOf(room, open.legSid)).toEqual(['rep']);
  });

  it('barges in, heard by the rep and the customer', async () => {
    const [open] = (await admin.get(`/api/calls/${call.callId}/supervisions`)).body.supervisions;
    await admin.patch(`/api/supervisions/${open.id}`, { mode: 'barge' });
    expect(supervisor()).toMatchObject({ muted: false, coach: null });
    expect(simulatedConferences.hearersOf(room, open.legSid).sort()).toEqual(['customer', 'rep']);
  });

  it('joins a second supervisor whispering straight away, from the join TwiML itself', async () => {
    const second = await addAdmin();
    const res = await second.client.post(`/api/calls/${call.callId}/supervisions`, { mode: 'whisper' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const joined = simulatedConferences.participants(room).find((p) => p.callSid === res.body.legSid);
    expect(joined).toMatchObject({ muted: false, coach: call.repLegSid });
    // The call was in its conference already: the rep and the customer were not moved again.
    expect(simulatedConferences.participants(room)).toHaveLength(4);
    expect((await second.client.delete(`/api/supervisions/${res.body.id}`)).status).toBe(204);
  });

  it('refuses to join anyone to the conference on a request Twilio did not sign', async () => {
    const [open] = (await admin.get(`/api/calls/${call.callId}/supervisions`)).body.supervisions;
    for (const hook of [
      `supervise?call=${call.callId}&supervision=${open.id}`,
      `conference?call=${call.callId}&role=rep`,
    ]) {
      const res = await fetch(`${server.url}/webhooks/twilio/${hook}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `CallSid=${call.repLegSid}`,
      });
      expect(res.status).toBe(403);
    }
  });

  it('keeps another admin from changing someone else’s supervision', async () => {
    const third = await addAdmin();
    const [open] = (await admin.get(`/api/calls/${call.callId}/supervisions`)).body.supervisions;
    expect((await third.client.patch(`/api/supervisions/${open.id}`, { mode: 'listen' })).status).toBe(403);
    const stranger = await startOtherAdmin();
    expect((await stranger.patch(`/api/supervisions/${open.id}`, { mode: 'listen' })).status).toBe(404);
    expect((await stranger.delete(`/api/supervisions/${open.id}`)).status).toBe(404);
  });

  it('leaves the call running when the supervisor leaves, and tells the rep', async () => {
    const [open] = (await admin.get(`/api/calls/${call.callId}/supervisions`)).body.supervisions;
    expect((await admin.delete(`/api/supervisions/${open.id}`)).status).toBe(204);
    expect(supervisor()).toBeUndefined();
    expect(
      simulatedConferences
        .participants(room)
        .map((p) => p.label)
        .sort(),
    ).toEqual(['customer', 'rep']);
    expect(toLea.at(-1)).toEqual({ type: 'being_supervised', callId: call.callId, mode: null });
    expect((await admin.get(`/api/calls/${call.callId}/supervisions`)).body.supervisions).toEqual([]);
  });

  it('does not tell the rep when the account chose not to', async () => {
    await admin.put('/api/account/live-listening', { tellMembers: false });
    const before = toLea.length;
    const res = await admin.post(`/api/calls/${call.callId}/supervisions`, { mode: 'listen' });
    expect(res.status).toBe(201);
    expect(toLea.length).toBe(before);
    await admin.delete(`/api/supervisions/${res.body.id}`);
  });

  async function startOtherAdmin() {
    return (await teamWithOneRep(server)).admin;
  }

  async function addAdmin() {
    await addSeats(admin, 1);
    return addMember(server, admin, 'admin');
  }
});
