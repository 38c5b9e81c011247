import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './testing/client.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const page = async (path: string, language?: string) => {
  const res = await fetch(`${server.url}${path}`, {
    headers: language ? { 'accept-language': language } : {},
  });
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
};

describe('pages for people', () => {
  it('serves the join page in French to a French browser and in English otherwise', async () => {
    const fr = await page('/join?token=abc', 'fr-FR,fr;q=0.9,en;q=0.5');
    expect(fr.status).toBe(200);
    expect(fr.type).toMatch(/text\/html/);
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain('Rejoindre votre équipe sur Parley');
    const en = await page('/join?token=abc', 'en-GB');
    expect(en.html).toContain('Join your team on Parley');
    expect((await page('/join?lang=fr', 'en-GB')).html).toContain('Rejoindre');
  });

  it('escapes what it prints and never embeds the token in the HTML', async () => {
    const res = await page('/join?token=%3Cscript%3Ealert(1)%3C/script%3E&lang=%22%3E');
    expect(res.html).not.toContain('<script>alert(1)');
    expect(res.html).not.toContain('alert(1)');
  });

  it('answers unknown paths with the JSON error shape, not an HTML stack', async () => {
    const res = await new ApiClient(server.url).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'route_not_found' });
  });

  it('serves a home page and the OpenAPI 3.1 document generated from the route schemas', async () => {
    expect((await page('/', 'fr')).html).toContain('Parley fonctionne');
    const doc = await new ApiClient(server.url).get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const signup = doc.body.paths['/api/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'name', 'company']),
    );
    expect(doc.body.paths['/api/numbers/{id}'].patch.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
      required: true,
    });
    expect(
      doc.body.paths['/api/numbers/available'].get.parameters.map((p: { name: string }) => p.name),
    ).toContain('areaCode');
    expect(doc.body.paths['/api/team/invitations'].post.responses['403']).toBeDefined();
  });
});
