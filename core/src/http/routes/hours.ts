import { describeNow, getSchedule, saveSchedule } from '../../domain/hours/hours-store.ts';
import { ScheduleSchema } from '../../domain/hours/schedule.ts';
import { route } from '../route.ts';

export const hoursRoutes = [
  route({
    method: 'get',
    path: '/api/business-hours',
    summary: "The team's business hours, whether it is open now, and when that changes",
    tag: 'hours',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      const { schedule, isDefault } = await getSchedule(services.db, principal.accountId);
      return { body: { schedule, isDefault, ...describeNow(schedule, services.now()) } };
    },
  }),
  route({
    method: 'put',
    path: '/api/business-hours',
    summary: 'Set time zone, weekly ranges, holidays and the after-hours behaviour',
    tag: 'hours',
    access: 'admin',
    requires: ['number'],
    body: ScheduleSchema,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      const schedule = await saveSchedule(services.db, principal, body);
      return { body: { schedule, isDefault: false, ...describeNow(schedule, services.now()) } };
    },
  }),
];
