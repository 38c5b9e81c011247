import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import { buyFirstNumber, signUpAdmin } from '../../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';

type Diagnosis = { problem: string; ok: boolean; findings: { code: string; ok: boolean; message: string }[] };

/** Each of the seed's four support questions, answered from this account's own state. */
describe('troubleshooting', () => {
  let server: TestServer;
  let admin: ApiClient;
  let number: { id: string; e164: string };
  let adminId: string;
  const diagnose = async (problem: string): Promise<Diagnosis> => {
    const res = await admin.get('/api/troubleshooting');
    expect(res.status).toBe(200);
    return res.body.diagnoses.find((d: Diagnosis) => d.problem === problem);
  };
  const codes = (diagnosis: Diagnosis) => diagnosis.findings.map((finding) => finding.code);

  beforeAll(async () => {
    server = await startTestServer();
    ({ client: admin, memberId: adminId } = await signUpAdmin(server));
    number = await buyFirstNumber(admin, { team: true });
  });
  afterAll(() => server?.close());

  it('invitation not received: says the server sends no email, and each pending invitation’s delivery', async () => {
    await admin.post('/api/team/invitations', { email: 'new.rep@example.com' }).catch(() => undefined);
    const diagnosis = await diagnose('invitation_not_received');
    expect(codes(diagnosis)).toContain('email_not_configured');
    expect(diagnosis.ok).toBe(false);
  });

  it('cannot add members: the seats are all taken (one seat, used by the admin and the invitation)', async () => {
    const diagnosis = await diagnose('cannot_add_members');
    expect(codes(diagnosis)).toEqual(['seats_full', 'subscription_active']);
    expect(diagnosis.findings[0]?.message).toMatch(/add seats in Billing/);
  });

  it('calls not routing: the number has no rule, then rings nobody online, then is fine', async () => {
    expect(codes(await diagnose('calls_not_routing'))).toContain('number_without_routing');
    await admin.put(`/api/numbers/${number.id}/routing`, { strategy: 'simultaneous', members: [adminId] });
    expect(codes(await diagnose('calls_not_routing'))).toContain('number_reaches_nobody_online');
    await admin.put('/api/me/presence', { status: 'online' });
    expect(codes(await diagnose('calls_not_routing'))).toContain('number_reaches_members');
  });

  it('CRM not syncing: says no CRM is connected, at the account level', async () => {
    const diagnosis = await diagnose('crm_not_syncing');
    expect(diagnosis).toMatchObject({ ok: false, findings: [{ code: 'crm_not_connected' }] });
    expect(diagnosis.findings[0]?.message).toMatch(/whole team/);
  });

  it('is for admins', async () => {
    const anonymous = await fetch(`${server.url}/api/troubleshooting`);
    expect(anonymous.status).toBe(401);
  });
});
