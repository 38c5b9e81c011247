import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../config/env.ts';
import { formatChecks, runDoctor } from './doctor.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-doctor-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('parley doctor', () => {
  it('passes every check on a fresh embedded install and says what each one found', async () => {
    const checks = await runDoctor(parseEnv({ PARLEY_DATA_DIR: join(dir, 'fresh') }));
    expect(checks.map((c) => c.name)).toEqual([
      'secret key',
      'public URL',
      'store',
      'bus',
      'carrier',
      'email',
      'CRM connections',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const text = formatChecks(checks);
    expect(text).toMatch(/✓ store: embedded PGlite/);
    expect(text).toMatch(/✓ carrier: simulator/);
    expect(text).toMatch(/All checks passed/);
  });

  it('names what is wrong and what to do for each failing service', async () => {
    const checks = await runDoctor(
      parseEnv({
        PARLEY_DATA_DIR: join(dir, 'broken'),
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        REDIS_URL: 'redis://127.0.0.1:1',
        SMTP_URL: 'smtp://user:secret-pass@127.0.0.1:1',
      }),
    );
    const failed = Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.name, c]));
    expect(Object.keys(failed).sort()).toEqual([
      'CRM connections',
      'bus',
      'email',
      'public URL',
      'secret key',
      'store',
    ]);
    expect(failed['CRM connections']?.fix).toMatch(/store check above/);
    expect(failed.store?.fix).toMatch(/DATABASE_URL/);
    expect(failed.bus?.fix).toMatch(/REDIS_URL/);
    expect(failed['secret key']?.fix).toMatch(/openssl rand/);
    const text = formatChecks(checks);
    expect(text).toMatch(/6 check\(s\) failed/);
    expect(text).not.toContain('secret-pass');
  });
});
