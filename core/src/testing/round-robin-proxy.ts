import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer for tests: a real HTTP server on a random local port that forwards each
 * request to the next target in turn, so everything that posts to PUBLIC_URL (the simulator,
 * the server's own self-played calls) reaches the instances alternately.
 */
export async function startRoundRobinProxy(targets: () => string[]) {
  let turn = 0;
  const counts = new Map<string, number>();
  const server = createServer((incoming, outgoing) => {
    const list = targets();
    const target = new URL(list[turn++ % list.length]!);
    counts.set(target.origin, (counts.get(target.origin) ?? 0) + 1);
    const forwarded = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Requests forwarded per target origin. */
    counts,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
