import { unreadNotices } from '../../domain/calls/coaching-notices.ts';
import { route } from '../route.ts';

export const coachingRoutes = [
  route({
    method: 'get',
    path: '/api/me/coaching-notices',
    summary:
      'Coaching comments and replies on my calls I have not read yet (reading the call’s comments reads them)',
    tag: 'calls',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      const notices = await unreadNotices(services.db, principal.accountId, principal.memberId);
      return { body: { unread: notices.length, notices } };
    },
  }),
];
