import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Attio's own error answers, from its docs and spec; the emulator sends them and errors.test.ts reads them. */
export const Recording = z.strictObject({
  source: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.record(z.string(), z.unknown()),
});
export type Recording = z.infer<typeof Recording>;

export const RECORDING_NAMES = [
  'rate-limited',
  'unauthorized',
  'filter-error',
  'object-not-found',
  'matching-attribute-missing',
  'slug-conflict',
  'billing-error',
  'thread-not-found-camelcase',
] as const;

export function recording(name: (typeof RECORDING_NAMES)[number]): Recording {
  return Recording.parse(
    JSON.parse(readFileSync(new URL(`./recordings/${name}.json`, import.meta.url), 'utf8')),
  );
}
