import { describe, expect, it } from 'vitest';
import { createBus } from './index.ts';

describe('createBus', () => {
  it('uses the in-process bus when REDIS_URL is unset or blank', async () => {
    expect((await createBus({})).kind).toBe('memory');
    expect((await createBus({ REDIS_URL: '  ' })).kind).toBe('memory');
  });

  it('uses Redis when REDIS_URL is set, failing rather than falling back when it is unreachable', async () => {
    await expect(createBus({ REDIS_URL: 'redis://127.0.0.1:6390' })).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it.skipIf(!process.env.REDIS_URL)('connects to the Redis at REDIS_URL', async () => {
    const bus = await createBus({ REDIS_URL: process.env.REDIS_URL });
    try {
      expect(bus.kind).toBe('redis');
      await bus.ping();
    } finally {
      await bus.close();
    }
  });
});
