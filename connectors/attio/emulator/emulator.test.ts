import { afterEach, describe, expect, it } from 'vitest';
import { type AttioEmulator, startAttioEmulator } from './index.ts';
import { recording } from './recordings.ts';

let emulator: AttioEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

// One token per emulator: `config()` grants a fresh one each time, as a new install would.
const tokens = new WeakMap<AttioEmulator, string>();

function call(emu: AttioEmulator, method: string, path: string, body?: unknown) {
  let token = tokens.get(emu);
  if (!token) {
    token = emu.config().accessToken;
    tokens.set(emu, token);
  }
  return fetch(`${emu.running.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('the Attio emulator', () => {
  it('refuses a request Attio’s spec does not allow, and records it as a violation', async () => {
    emulator = await startAttioEmulator({ enforceLimit: false });
    const [person] = await emulator.seed([
      { key: 'a', kind: 'contact', name: 'Ada Lovelace', company: null, emails: [], phones: [] },
    ]);
    const response = await call(emulator, 'POST', '/v2/notes', {
      data: { parent_object: 'people', parent_record_id: person?.id, title: 'No format', content: 'x' },
    });
    expect(response.status).toBe(400);
    const violations = emulator.running.violations.splice(0);
    expect(violations).toMatchObject([{ what: 'request', method: 'POST', path: '/v2/notes' }]);
    expect(violations[0]?.errors.join(' ')).toContain('format');
  });

  it('answers a path Attio does not have as a violation too', async () => {
    emulator = await startAttioEmulator({ enforceLimit: false });
    await call(emulator, 'GET', '/v2/widgets');
    expect(emulator.running.violations.splice(0)).toMatchObject([{ what: 'unknown-operation' }]);
  });

  it('holds writes to 25 a second with Attio’s 429, whose Retry-After is an HTTP date', async () => {
    emulator = await startAttioEmulator();
    const emu = emulator;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(emu, 'POST', '/v2/objects/companies/records', { data: { values: { name: [`Co ${i}`] } } }),
      ),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(25);
    expect(limited).toHaveLength(5);
    const retryAfter = limited[0]?.headers.get('retry-after') ?? '';
    expect(Date.parse(retryAfter)).toBeGreaterThan(Date.now() - 1_000);
    expect(await limited[0]?.json()).toEqual(recording('rate-limited').body);
  });

  it('lets 100 reads a second through while writes are held to 25', async () => {
    emulator = await startAttioEmulator();
    const emu = emulator;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => call(emu, 'POST', '/v2/objects/people/records/query', { limit: 1 })),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
  });

  it('answers a revoked token with 401 on data and an inactive token on /v2/self', async () => {
    emulator = await startAttioEmulator({ enforceLimit: false });
    await call(emulator, 'GET', '/v2/self');
    emulator.revokeAccess();
    const records = await call(emulator, 'POST', '/v2/objects/people/records/query', {});
    expect(records.status).toBe(401);
    expect(await records.json()).toEqual(recording('unauthorized').body);
    const self = await call(emulator, 'GET', '/v2/self');
    expect(await self.json()).toEqual({ active: false });
    expect(emulator.running.violations).toEqual([]);
  });
});
