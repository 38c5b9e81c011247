import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
  readonly kind = 'invalid';
}

/** Encrypts secrets at rest (carrier and CRM credentials) with AES-256-GCM. */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** A stable secret for one purpose, derived from the key (HMAC), e.g. the simulator's webhook token. */
  derive(label: string): string;
}

const VERSION = 'v1';

/** Accepts 32 bytes as base64, base64url or hex: what `openssl rand -base64 32` or `-hex 32` prints. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const candidates = [
    /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : null,
    Buffer.from(trimmed, 'base64'),
  ];
  const key = candidates.find((c) => c?.length === 32);
  if (!key)
    throw new SecretKeyError(
      'PARLEY_SECRET_KEY must be 32 random bytes as base64 or hex: generate one with `openssl rand -base64 32`',
    );
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretKeyError('The secret key must be 32 bytes');
  return {
    derive(label) {
      return createHmac('sha256', key).update(`parley:${label}`).digest('hex');
    },
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) throw new SecretKeyError('Unknown secret format');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SecretKeyError(
          'A stored secret cannot be decrypted: PARLEY_SECRET_KEY is not the key it was sealed with',
          { cause: error },
        );
      }
    },
  };
}
