import { z } from 'zod';
import {
  buyNumber,
  getNumber,
  listNumbers,
  releaseNumber,
  searchNumbers,
  updateNumber,
} from '../../domain/numbers/numbers.ts';
import { RoutingPolicySchema } from '../../domain/routing-policy/policy.ts';
import { getPolicy, savePolicy } from '../../domain/routing-policy/policy-store.ts';
import { route } from '../route.ts';
import { CountrySchema, IdParams } from '../schemas.ts';

const SearchQuery = z.strictObject({
  country: CountrySchema.default('FR'),
  type: z.enum(['local', 'mobile', 'toll_free'], 'Choose local, mobile or toll_free').default('local'),
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'An area code is 1 to 5 digits, e.g. 1 for Paris, 415 for San Francisco')
    .optional(),
  contains: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z*]{1,16}$/, 'Digits, letters or * only')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const AssignTo = z.union([
  z.strictObject({ memberId: z.uuid('Not a valid member id') }),
  z.strictObject({ team: z.literal(true) }),
  z.null(),
]);

const BuyBody = z.strictObject({
  e164: z.string().trim().min(3, 'Pick a number from the search results').max(40),
  label: z.string().trim().max(80).optional(),
  assignTo: AssignTo.default(null),
});

const NumberPatch = z.strictObject({
  label: z.string().trim().max(80).nullable().optional(),
  assignTo: AssignTo.optional(),
  doNotRecord: z.boolean('true never records calls on this number').optional(),
});

export const numberRoutes = [
  route({
    method: 'get',
    path: '/api/numbers/available',
    summary: 'Search numbers the carrier can sell, by country, type and area code',
    tag: 'numbers',
    access: 'member',
    query: SearchQuery,
    response: { status: 200 },
    async handler({ principal, query, services }) {
      return { body: { numbers: await searchNumbers(services, principal.accountId, query) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/numbers',
    summary: "The team's numbers and who each is assigned to",
    tag: 'numbers',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: { numbers: await listNumbers(services.db, principal.accountId) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/numbers',
    summary: 'Buy a number, assigned to a member, as a team line, or unassigned',
    tag: 'numbers',
    access: 'admin',
    body: BuyBody,
    response: { status: 201 },
    async handler({ principal, body, services }) {
      return { status: 201, body: await buyNumber(services, principal, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/numbers/:id',
    summary: 'One number',
    tag: 'numbers',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await getNumber(services.db, principal.accountId, params.id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/numbers/:id',
    summary: 'Relabel or reassign a number, or stop recording its calls (doNotRecord)',
    tag: 'numbers',
    access: 'admin',
    params: IdParams,
    body: NumberPatch,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return { body: await updateNumber(services.db, principal, params.id, body) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/numbers/:id',
    summary: 'Release a number back to the carrier',
    tag: 'numbers',
    access: 'admin',
    params: IdParams,
    response: { status: 204 },
    async handler({ principal, params, services }) {
      await releaseNumber(services, principal, params.id);
      return { status: 204 };
    },
  }),
  route({
    method: 'get',
    path: '/api/numbers/:id/routing',
    summary: 'How calls to this number are routed (null until set)',
    tag: 'routing',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: { policy: await getPolicy(services.db, principal.accountId, params.id) } };
    },
  }),
  route({
    method: 'put',
    path: '/api/numbers/:id/routing',
    summary: 'Set how calls to this number are routed: simultaneous, cascade, IVR or AI receptionist',
    tag: 'routing',
    access: 'admin',
    requires: ['number'],
    params: IdParams,
    body: RoutingPolicySchema,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return { body: { policy: await savePolicy(services.db, principal, params.id, body) } };
    },
  }),
];
