import { z } from 'zod';
import { listAudit } from '../../domain/audit/audit.ts';
import { route } from '../route.ts';
import { LimitQuery } from '../schemas.ts';

const AuditQuery = z.strictObject({
  limit: LimitQuery,
  before: z.iso
    .datetime({ message: 'Use an ISO 8601 date-time, e.g. 2026-11-25T10:00:00Z', offset: true })
    .optional(),
});

export const auditRoutes = [
  route({
    method: 'get',
    path: '/api/audit',
    summary: 'Every admin change: who, what, when (newest first; page with `before`)',
    tag: 'audit',
    access: 'admin',
    query: AuditQuery,
    response: { status: 200 },
    async handler({ principal, query, services }) {
      const entries = await listAudit(services.db, principal.accountId, {
        limit: query.limit,
        ...(query.before ? { before: new Date(query.before) } : {}),
      });
      return { body: { entries } };
    },
  }),
];
