import { runCallFlows } from './calls.flows.ts';
import { startTestServer } from './testing/test-server.ts';

runCallFlows('calls on the embedded default (PGlite, in-process bus), one instance', async () => {
  const server = await startTestServer();
  return { servers: [server], publicBase: server.url, close: () => server.close() };
});
