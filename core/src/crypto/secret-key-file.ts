import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSecretKey, SecretKeyError } from './secret-box.ts';

/**
 * PARLEY_SECRET_KEY when set. Without it, production refuses to start (a lost key means lost
 * credentials), while development generates one in the data folder and says so.
 */
export async function resolveSecretKey(options: {
  envKey: string | undefined;
  production: boolean;
  dataDir: string;
  warn: (message: string) => void;
}): Promise<Buffer> {
  if (options.envKey) return parseSecretKey(options.envKey);
  if (options.production)
    throw new SecretKeyError(
      'PARLEY_SECRET_KEY is not set. Production needs it to encrypt credentials at rest: generate one with `openssl rand -base64 32`, keep it safe, and set it in the environment.',
    );
  const file = join(options.dataDir, 'secret.key');
  try {
    return parseSecretKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  options.warn(
    `PARLEY_SECRET_KEY is not set: generated a development key in ${file}. Set PARLEY_SECRET_KEY in production.`,
  );
  return key;
}
