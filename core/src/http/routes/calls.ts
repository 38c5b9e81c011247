import { CRM_KINDS } from '@parley/connectors';
import { z } from 'zod';
import { annotateCall, getCallFor, listCalls } from '../../domain/calls/call-queries.ts';
import { clickToCallFromRecord } from '../../domain/calls/click-to-call-record.ts';
import { addComment, listComments } from '../../domain/calls/comments.ts';
import { listTransfers } from '../../domain/calls/transfer.ts';
import { browserVoiceToken } from '../../domain/calls/voice-token.ts';
import { route } from '../route.ts';
import { IdParams, LimitQuery } from '../schemas.ts';

const ListQuery = z.strictObject({
  limit: LimitQuery,
  live: z.enum(['true', 'false'], 'Use live=true for calls in progress').optional(),
});

const AnnotateBody = z
  .strictObject({
    notes: z.string().max(10_000, 'Keep notes under 10,000 characters').optional(),
    disposition: z.string().trim().min(1, 'Pick a disposition').max(100).optional(),
    contactId: z.uuid('Not a valid contact id').optional(),
  })
  .refine((b) => b.notes !== undefined || b.disposition !== undefined || b.contactId !== undefined, {
    message: 'Give notes, a disposition or a contact',
    path: ['notes'],
  });

const CommentBody = z.strictObject({
  body: z.string().trim().min(1, 'Write the comment').max(5_000, 'Keep comments under 5,000 characters'),
  atSeconds: z
    .number()
    .int('Whole seconds')
    .min(0, 'A moment of the recording, from 0')
    .max(86_400)
    .optional(),
  parentId: z.uuid('Not a valid comment id').optional(),
});

export const callRoutes = [
  route({
    method: 'get',
    path: '/api/calls',
    summary: 'Recent calls (admins: the whole team; members: their own), or only live ones',
    tag: 'calls',
    access: 'member',
    query: ListQuery,
    response: { status: 200 },
    async handler({ principal, query, services }) {
      return {
        body: {
          calls: await listCalls(services.db, principal, { limit: query.limit, live: query.live === 'true' }),
        },
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id',
    summary: 'One call with its full record: legs, who answered, ring and talk time, recording, voicemail',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      const call = await getCallFor(services.db, principal, params.id);
      return { body: { ...call, transfers: await listTransfers(services.db, principal.accountId, call.id) } };
    },
  }),
  route({
    method: 'patch',
    path: '/api/calls/:id',
    summary: 'Save the rep’s notes, disposition or the contact the call was with',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    body: AnnotateBody,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      const call = await annotateCall(services.db, principal, params.id, body, services.now());
      services.crm.worker?.kick();
      return { body: call };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id/comments',
    summary: 'Coaching comments on a call, by moment of the recording',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: { comments: await listComments(services.db, principal, params.id, services.now()) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/comments',
    summary:
      'Add a coaching comment at a moment of the recording, or reply with parentId (admins; members on their own calls)',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    body: CommentBody,
    response: { status: 201 },
    async handler({ principal, params, body, services }) {
      return { status: 201, body: await addComment(services.db, services.bus, principal, params.id, body) };
    },
  }),
];

const ClickToCallBody = z.strictObject({
  to: z.string().trim().min(3, 'Enter the number to call').max(40),
  contactId: z.uuid('Not a valid contact id').optional(),
  /** The CRM record the number was clicked on: the call gets the Parley contact the sync linked to it. */
  crmRecord: z
    .strictObject({
      kind: z.enum(CRM_KINDS, 'Use hubspot, salesforce, attio or odoo'),
      id: z.string().trim().min(1, 'Give the record’s id').max(255),
    })
    .optional(),
  mode: z.enum(['browser', 'call_me_first'], 'Choose browser or call_me_first').optional(),
  /** Simulator only: what the callee does (answers or not, how long they talk). */
  simulate: z
    .strictObject({
      answer: z
        .array(z.strictObject({ by: z.string().min(1), afterSeconds: z.number().min(0).max(600).optional() }))
        .optional(),
      noAnswerFrom: z.array(z.string().min(1)).optional(),
      busyFrom: z.array(z.string().min(1)).optional(),
      talkSeconds: z.number().min(0).max(36_000).optional(),
    })
    .optional(),
});

export const clickToCallRoutes = [
  route({
    method: 'post',
    path: '/api/calls',
    summary:
      'Click to call: with Twilio, returns the params the browser dialer connects with; on the simulator, places the call through the webhooks. With crmRecord, the call is with the contact linked to that record; the answer’s crmRecord.contactId is null when none is',
    tag: 'calls',
    access: 'member',
    body: ClickToCallBody,
    response: { status: 201 },
    async handler({ principal, body, services }) {
      return { status: 201, body: await clickToCallFromRecord(services, principal, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/voice/token',
    summary: 'A Twilio Voice access token for the browser dialer (Business plan)',
    tag: 'calls',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: await browserVoiceToken(services, principal) };
    },
  }),
];
