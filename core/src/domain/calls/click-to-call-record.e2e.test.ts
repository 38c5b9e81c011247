import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../http/testing/client.ts';
import { addMember, addSeats, buyFirstNumber, signUpAdmin } from '../../http/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../http/testing/test-server.ts';
import { sql } from '../../store/sql.ts';

/** Salesforce ids of records the sync linked (or not) to Parley contacts. */
const BRUNO_RECORD = '0035g00000BrunoAAA';
const UNKNOWN_RECORD = '0035g00000NobodyAA';
const OTHER_ACCOUNTS_RECORD = '0035g00000OtherAAA';

let server: TestServer;

/** An account on the Business plan with a number, a member who has a phone, and a contact. */
async function account(company: string) {
  const admin = await signUpAdmin(server, { company });
  await buyFirstNumber(admin.client);
  await admin.client.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin.client, 1);
  const member = await addMember(server, admin.client);
  expect((await member.client.patch('/api/me', { phone: '06 11 22 33 44' })).status).toBe(200);
  const contact = await member.client.post('/api/contacts', {
    name: 'Bruno Petit',
    phones: ['+33698765432'],
  });
  expect(contact.status, JSON.stringify(contact.body)).toBe(201);
  return { accountId: admin.accountId, member, contactId: contact.body.id as string };
}

/** What the contact sync leaves behind: the account's connection to a CRM and a record↔contact link. */
async function link(accountId: string, kind: string, crmId: string, contactId: string) {
  const db = server.services.db;
  const connection = await db.one<{
    id: string;
  }>(sql`insert into crm_connections (account_id, kind, config, connected_as)
    values (${accountId}, ${kind}, 'sealed', ${JSON.stringify({ accountId: `${kind}-org` })})
    on conflict (account_id, kind) do update set kind = excluded.kind returning id`);
  await db.execute(sql`insert into contact_links (connection_id, crm_id, contact_id, account_id, crm_object_type, content_hash)
    values (${connection.id}, ${crmId}, ${contactId}, ${accountId}, 'Contact', 'h')`);
}

async function callFrom(client: ApiClient, crmRecord: unknown, mode = 'call_me_first') {
  const res = await client.post('/api/calls', { to: '+33698765432', mode, crmRecord });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { callId?: string; callSid: string; crmRecord: { contactId: string | null } };
}

/** The call row as the rep's API shows it; a simulated browser call is found by its carrier sid. */
async function storedCall(client: ApiClient, placed: { callId?: string; callSid: string }) {
  if (placed.callId) return (await client.get(`/api/calls/${placed.callId}`)).body;
  const { calls } = (await client.get('/api/calls?limit=10')).body;
  return calls.find((c: { record?: { id?: string } }) => c.record?.id === placed.callSid);
}

let acme: Awaited<ReturnType<typeof account>>;
let globex: Awaited<ReturnType<typeof account>>;

beforeAll(async () => {
  server = await startTestServer();
  acme = await account('Acme');
  globex = await account('Globex');
  await link(acme.accountId, 'salesforce', BRUNO_RECORD, acme.contactId);
  await link(globex.accountId, 'salesforce', OTHER_ACCOUNTS_RECORD, globex.contactId);
  // The same id under another CRM of Acme's: only a link of the kind the click names counts.
  await link(acme.accountId, 'hubspot', UNKNOWN_RECORD, acme.contactId);
});
afterAll(() => server.close());

describe('click to call from a CRM record', () => {
  it.each(['call_me_first', 'browser'])(
    'gives the %s call the Parley contact the sync linked to the record',
    async (mode) => {
      const placed = await callFrom(acme.member.client, { kind: 'salesforce', id: BRUNO_RECORD }, mode);
      expect(placed.crmRecord).toEqual({ kind: 'salesforce', id: BRUNO_RECORD, contactId: acme.contactId });
      expect((await storedCall(acme.member.client, placed))?.contactId).toBe(acme.contactId);
    },
  );

  it('still places the call for a record nobody linked, and says it found no contact', async () => {
    const placed = await callFrom(acme.member.client, { kind: 'salesforce', id: UNKNOWN_RECORD });
    expect(placed.crmRecord).toEqual({ kind: 'salesforce', id: UNKNOWN_RECORD, contactId: null });
    expect((await storedCall(acme.member.client, placed))?.contactId).toBeNull();
  });

  it('never matches a record linked in another account’s CRM', async () => {
    const placed = await callFrom(acme.member.client, { kind: 'salesforce', id: OTHER_ACCOUNTS_RECORD });
    expect(placed.crmRecord.contactId).toBeNull();
    expect((await storedCall(acme.member.client, placed))?.contactId).toBeNull();
  });

  it('keeps the contact the rep named over the record’s', async () => {
    const other = await acme.member.client.post('/api/contacts', { name: 'Carla Petit', phones: [] });
    const res = await acme.member.client.post('/api/calls', {
      to: '+33698765432',
      mode: 'call_me_first',
      contactId: other.body.id,
      crmRecord: { kind: 'salesforce', id: BRUNO_RECORD },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await storedCall(acme.member.client, res.body))?.contactId).toBe(other.body.id);
  });

  it('refuses a record of a CRM Parley does not know, naming the field', async () => {
    const res = await acme.member.client.post('/api/calls', {
      to: '+33698765432',
      crmRecord: { kind: 'pipedrive', id: BRUNO_RECORD },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields['crmRecord.kind']).toBe('Use hubspot, salesforce, attio or odoo');
  });
});
