import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { likeMatches } from './compare.ts';
import { type SalesforceEmulator, startSalesforceEmulator } from './index.ts';
import { parseSoql, parseSosl, QueryParseError } from './query-parser.ts';

describe('the emulator’s SOQL and SOSL parser', () => {
  it('reads a keyset query with OR, a nested AND, ORDER BY and LIMIT', () => {
    const query = parseSoql(
      "SELECT Id, Account.Name FROM Contact WHERE SystemModstamp > 2026-11-02T09:15:00.000Z OR (SystemModstamp = 2026-11-02T09:15:00.000Z AND Id > '003\\'x') ORDER BY SystemModstamp, Id DESC LIMIT 200",
    );
    expect(query).toMatchObject({
      fields: ['Id', 'Account.Name'],
      object: 'Contact',
      orderBy: [
        { field: 'SystemModstamp', descending: false },
        { field: 'Id', descending: true },
      ],
      limit: 200,
    });
    expect(query.where).toMatchObject({ kind: 'or', right: { kind: 'and', right: { value: "003'x" } } });
  });

  it('reads a phone search with escaped terms and a filtered RETURNING', () => {
    const search = parseSosl(
      'FIND {\\+33612345678 OR 612345678} IN PHONE FIELDS RETURNING Contact(Id, Name), Lead(Id WHERE IsConverted = false)',
    );
    expect(search.terms).toEqual(['+33612345678', '612345678']);
    expect(search.returning.map((query) => query.object)).toEqual(['Contact', 'Lead']);
    expect(search.returning[1]?.where).toMatchObject({ field: 'IsConverted', op: '=', value: false });
  });

  it.each([
    'SELECT FROM Contact',
    "SELECT Id FROM Contact WHERE Name = 'unterminated",
    'SELECT Id FROM Contact LIMIT -1',
    'FIND {+33612345678} IN PHONE FIELDS RETURNING Contact(Id)',
  ])('refuses %s', (text) => {
    expect(() => (text.startsWith('FIND') ? parseSosl(text) : parseSoql(text))).toThrow(QueryParseError);
  });

  it.each([
    ['Call back [note_1]', '%[note\\_1]%', true],
    ['Call back [noteX1]', '%[note\\_1]%', false],
    ['ABC', 'a_c', true],
    ['50% off', '50\\%%', true],
  ])('LIKE matches %s against %s: %s', (value, pattern, matches) => {
    expect(likeMatches(value, pattern)).toBe(matches);
  });
});

describe('the emulator refuses what Salesforce refuses, and fails the test', () => {
  let emulator: SalesforceEmulator;
  // One session for the whole test: `config()` grants a fresh one each time, as a new consent would.
  let token: string;
  beforeEach(async () => {
    emulator = await startSalesforceEmulator();
    token = emulator.config().accessToken;
  });
  afterEach(() => emulator.close());

  const send = (path: string, method: string, body?: unknown) =>
    fetch(`${emulator.running.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers an unknown field with INVALID_FIELD and records a violation', async () => {
    const answer = await send('/services/data/v62.0/sobjects/Task/Parley_Call_Id__c/call_1', 'PATCH', {
      Subject: 'x',
      Duration__c: 3,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual([
      {
        message: "No such column 'Duration__c' on sobject of type Task",
        errorCode: 'INVALID_FIELD',
        fields: ['Duration__c'],
      },
    ]);
    expect(emulator.running.violations.splice(0)).toHaveLength(1);
  });

  it('answers a query on an unknown field with INVALID_FIELD and records a violation', async () => {
    const answer = await send(
      `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id, Nope FROM Contact')}`,
      'GET',
    );
    expect(answer.status).toBe(400);
    expect(emulator.running.violations.splice(0)).toHaveLength(1);
  });

  it('records a violation for jsforce’s old default API version', async () => {
    await send('/services/data/v50.0/limits', 'GET');
    expect(emulator.running.violations.splice(0)).toHaveLength(1);
  });

  it('refuses a create-only field on the update side of an upsert, without a violation', async () => {
    const path = '/services/data/v62.0/sobjects/Task/Parley_Call_Id__c/call_2';
    expect((await send(path, 'PATCH', { TaskSubtype: 'Call', Status: 'Completed' })).status).toBe(201);
    const again = await send(path, 'PATCH', { TaskSubtype: 'Call', Status: 'Completed' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject([
      { errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['TaskSubtype'] },
    ]);
    expect(emulator.running.violations).toEqual([]);
  });

  it('answers an expired or revoked session with INVALID_SESSION_ID', async () => {
    emulator.expireSessions();
    const answer = await send('/services/data/v62.0/limits', 'GET');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
  });
});
