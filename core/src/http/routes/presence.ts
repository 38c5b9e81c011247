import { z } from 'zod';
import { accountChannel, memberChannel } from '../../domain/events/channels.ts';
import { setPresence, teamPresence } from '../../domain/presence/presence.ts';
import { route } from '../route.ts';
import { streamChannels } from '../sse.ts';

const PresenceBody = z.strictObject({
  status: z.enum(['online', 'busy', 'offline'], 'Choose online, busy or offline'),
});

export const presenceRoutes = [
  route({
    method: 'put',
    path: '/api/me/presence',
    summary:
      'Set my status; the dialer repeats it every 20 s as a heartbeat (no heartbeat for 60 s = offline)',
    tag: 'presence',
    access: 'member',
    body: PresenceBody,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      await setPresence(services.bus, principal.accountId, principal.memberId, body.status);
      return { body: { status: body.status } };
    },
  }),
  route({
    method: 'get',
    path: '/api/team/presence',
    summary: 'Who is online, busy or offline right now',
    tag: 'presence',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: { members: await teamPresence(services.db, services.bus, principal.accountId) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/events',
    summary: 'Live events (server-sent events): mine, and for admins the whole account’s',
    tag: 'presence',
    access: 'member',
    stream: true,
    // The framed dialer holds an embed token, not a cookie, and EventSource cannot send headers.
    tokenInQuery: true,
    response: { status: 200, description: 'text/event-stream' },
    async handler({ principal, services, req, res }) {
      const channels = [memberChannel(principal.accountId, principal.memberId)];
      if (principal.role === 'admin') channels.push(accountChannel(principal.accountId));
      await streamChannels(req, res, services.bus, channels);
      return { streamed: true };
    },
  }),
];
