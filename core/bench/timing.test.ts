import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DurationLog, timed } from './timing.ts';

describe('DurationLog', () => {
  it('keeps every sample past its initial capacity and drains them sorted', () => {
    const log = new DurationLog();
    const count = (1 << 16) + 10;
    for (let i = count; i > 0; i--) log.record(i);
    const drained = log.drain();
    expect(drained.length).toBe(count);
    expect(drained[0]).toBe(1);
    expect(drained[count - 1]).toBe(count);
    expect(drained.every((v, i) => i === 0 || (drained[i - 1] as number) <= v)).toBe(true);
  });

  it('starts empty again after a drain', () => {
    const log = new DurationLog();
    log.record(3);
    log.drain();
    log.record(1);
    expect([...log.drain()]).toEqual([1]);
  });
});

describe('timed', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });

  it('records the handling time of the requests it selects, and only those', async () => {
    const log = new DurationLog();
    server = createServer(
      timed(
        (req, res) => {
          setTimeout(() => res.end('done'), req.url === '/slow' ? 30 : 0);
        },
        log,
        (req) => req.url === '/slow',
      ),
    ).listen(0, '127.0.0.1');
    await new Promise((done) => server?.once('listening', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${base}/slow`)).text()).toBe('done');
    await (await fetch(`${base}/other`)).text();
    const drained = log.drain();
    expect(drained.length).toBe(1);
    expect(drained[0]).toBeGreaterThanOrEqual(25);
  });
});
