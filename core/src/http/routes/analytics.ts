import { z } from 'zod';
import { accountDashboard } from '../../analytics/dashboard-query.ts';
import { route } from '../route.ts';

const Day = z.iso.date('Use a date like 2026-03-31');

const DashboardQuery = z.strictObject({
  /** Default: the 30 days up to today, in the account's time zone. */
  from: Day.optional(),
  to: Day.optional(),
  memberId: z.uuid('Not a valid member id').optional(),
});

export const analyticsRoutes = [
  route({
    method: 'get',
    path: '/api/analytics/dashboard',
    summary:
      'Calls, answer rate, missed calls, talk and response time, by member and team, per local day and hour',
    tag: 'analytics',
    access: 'admin',
    query: DashboardQuery,
    response: { status: 200 },
    async handler({ principal, query, services }) {
      return { body: await accountDashboard(services.db, principal.accountId, query) };
    },
  }),
];
