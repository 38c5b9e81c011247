import { z } from 'zod';
import type { OdooClient } from './client.ts';
import { leaf } from './domain.ts';

const MessageSchema = z.object({ id: z.number().int(), body: z.union([z.string(), z.literal(false)]) });

/**
 * Posts `body` in the record's chatter unless a message carrying `marker` is already there: a
 * retried note or call is recognised instead of posted twice. Two requests at most.
 */
export async function postOnce(
  client: OdooClient,
  model: string,
  id: number,
  marker: string,
  body: string,
): Promise<number> {
  const found = await client.execute(z.array(MessageSchema), {
    model: 'mail.message',
    method: 'search_read',
    args: [[leaf('model', '=', model), leaf('res_id', '=', id), leaf('body', 'ilike', marker)]],
    kwargs: { fields: ['body'], limit: 20 },
    idempotent: true,
  });
  // `ilike` reads `_` as a wildcard: only an exact marker counts.
  const same = found.find((message) => typeof message.body === 'string' && message.body.includes(marker));
  if (same) return same.id;
  // https://github.com/odoo/odoo/blob/17.0/addons/mail/models/mail_thread.py (message_post): returns the message id.
  return client.execute(z.number().int(), {
    model,
    method: 'message_post',
    args: [[id]],
    kwargs: { body, message_type: 'comment', subtype_xmlid: 'mail.mt_note' },
    idempotent: false,
  });
}
