import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveConnection } from '../sync/connections.ts';
import { signUpAdmin } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/** Who may frame Parley's pages: the dialer lives in CRMs' frames; the console in nobody's. */
describe('frame-ancestors of the web apps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const { accountId } = await signUpAdmin(server);
    await saveConnection(server.services.db, server.services.secrets, {
      accountId,
      kind: 'odoo',
      config: {},
      connectedAs: { accountId: 'acme', userId: '2', instanceUrl: 'https://erp.acme.example/web' },
      owners: [],
    });
  });
  afterAll(() => server?.close());

  it('lets the CRMs and a connected Odoo’s own host frame the dialer', async () => {
    const policy = (await fetch(`${server.url}/dialer`)).headers.get('content-security-policy') ?? '';
    expect(policy.split(' ')).toEqual(
      expect.arrayContaining([
        'frame-ancestors',
        "'self'",
        'https://app.hubspot.com',
        'https://erp.acme.example',
      ]),
    );
  });

  it('lets nobody else frame the console', async () => {
    expect((await fetch(`${server.url}/app`)).headers.get('content-security-policy')).toBe(
      "frame-ancestors 'self'",
    );
  });
});
