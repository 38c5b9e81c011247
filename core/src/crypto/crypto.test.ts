import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSecretBox, parseSecretKey, SecretKeyError } from './secret-box.ts';
import { resolveSecretKey } from './secret-key-file.ts';
import { hashToken, newSecretToken } from './tokens.ts';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one, never storing it in clear', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });
});

describe('secret box', () => {
  const key = Buffer.alloc(32, 7);

  it('round-trips and produces a different ciphertext each time', () => {
    const box = createSecretBox(key);
    const a = box.seal('AC123:token');
    expect(a).not.toContain('token');
    expect(a).not.toBe(box.seal('AC123:token'));
    expect(box.open(a)).toBe('AC123:token');
  });

  it('refuses tampered ciphertext and the wrong key with a message naming the key', () => {
    const sealed = createSecretBox(key).seal('secret');
    expect(() => createSecretBox(Buffer.alloc(32, 8)).open(sealed)).toThrow(/PARLEY_SECRET_KEY/);
    const tampered = `${sealed.slice(0, -4)}AAAA`;
    expect(() => createSecretBox(key).open(tampered)).toThrow(SecretKeyError);
  });

  it('reads keys as base64 or hex and refuses short ones', () => {
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(() => parseSecretKey('short')).toThrow(/openssl rand/);
  });
});

describe('resolveSecretKey', () => {
  it('refuses to start in production without PARLEY_SECRET_KEY', async () => {
    await expect(
      resolveSecretKey({ envKey: undefined, production: true, dataDir: '/nonexistent', warn: () => {} }),
    ).rejects.toThrow(/PARLEY_SECRET_KEY is not set/);
  });

  it('generates and then reuses a development key in the data folder, with a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-key-'));
    try {
      const warnings: string[] = [];
      const first = await resolveSecretKey({
        envKey: undefined,
        production: false,
        dataDir: dir,
        warn: (m) => warnings.push(m),
      });
      const second = await resolveSecretKey({
        envKey: undefined,
        production: false,
        dataDir: dir,
        warn: (m) => warnings.push(m),
      });
      expect(second).toEqual(first);
      expect(warnings).toHaveLength(1);
      expect(parseSecretKey(await readFile(join(dir, 'secret.key'), 'utf8'))).toEqual(first);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

it('hashes tokens so the stored value cannot be used to sign in', () => {
  const token = newSecretToken('prly');
  expect(token).toMatch(/^prly_[A-Za-z0-9_-]{43}$/);
  expect(hashToken(token)).toHaveLength(64);
  expect(hashToken(token)).not.toContain(token.slice(5));
});
