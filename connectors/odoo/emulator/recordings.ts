import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Odoo's fault strings and its proxy's pages, kept in recordings/faults.json (see its `source`). */
export const RecordingsSchema = z.object({
  faults: z.array(
    z.object({ name: z.string(), faultCode: z.union([z.number(), z.string()]), faultString: z.string() }),
  ),
  http: z.array(
    z.object({
      name: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()),
      body: z.string(),
    }),
  ),
});

export const recordings = RecordingsSchema.parse(
  JSON.parse(readFileSync(new URL('./recordings/faults.json', import.meta.url), 'utf8')),
);
