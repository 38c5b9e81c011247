import { z } from 'zod';
import { getCallFor } from '../../domain/calls/call-queries.ts';
import { SUPERVISION_MODES } from '../../domain/supervision/modes.ts';
import { liveListeningSettings, updateLiveListening } from '../../domain/supervision/settings.ts';
import {
  leaveSupervision,
  openSupervisions,
  startSupervision,
  switchSupervision,
} from '../../domain/supervision/supervision.ts';
import { route } from '../route.ts';
import { IdParams } from '../schemas.ts';

const ModeBody = z.strictObject({
  mode: z.enum(SUPERVISION_MODES, 'Choose listen, whisper or barge'),
});

const SettingsBody = z
  .strictObject({ enabled: z.boolean().optional(), tellMembers: z.boolean().optional() })
  .refine((b) => b.enabled !== undefined || b.tellMembers !== undefined, {
    message: 'Give enabled or tellMembers',
    path: ['enabled'],
  });

export const supervisionRoutes = [
  route({
    method: 'get',
    path: '/api/account/live-listening',
    summary: 'Whether admins may listen to live calls, and whether reps are told when they do',
    tag: 'supervision',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: await liveListeningSettings(services.db, principal.accountId) };
    },
  }),
  route({
    method: 'put',
    path: '/api/account/live-listening',
    summary: 'Turn live listening on or off, and whether reps see when they are being listened to',
    tag: 'supervision',
    access: 'admin',
    body: SettingsBody,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      return { body: await updateLiveListening(services.db, principal, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id/supervisions',
    summary: 'Who is listening to a live call, and how',
    tag: 'supervision',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      await getCallFor(services.db, principal, params.id);
      return { body: { supervisions: await openSupervisions(services.db, principal.accountId, params.id) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/supervisions',
    summary: 'Listen to a live call silently, whisper to the rep, or barge in: your dialer is called into it',
    tag: 'supervision',
    access: 'admin',
    params: IdParams,
    body: ModeBody,
    response: { status: 201 },
    async handler({ principal, params, body, services }) {
      return { status: 201, body: await startSupervision(services, principal, params.id, body.mode) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/supervisions/:id',
    summary: 'Switch between listening, whispering and barging in',
    tag: 'supervision',
    access: 'admin',
    params: IdParams,
    body: ModeBody,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return { body: await switchSupervision(services, principal, params.id, body.mode) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/supervisions/:id',
    summary: 'Leave a call you are listening to; the call goes on',
    tag: 'supervision',
    access: 'admin',
    params: IdParams,
    response: { status: 204 },
    async handler({ principal, params, services }) {
      await leaveSupervision(services, principal, params.id);
      return { status: 204 };
    },
  }),
];
