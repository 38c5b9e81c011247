import { z } from 'zod';
import { findCallBySid } from '../../domain/calls/calls-store.ts';
import { readDeviceAction, recordDeviceAction } from '../../domain/calls/simulated-device.ts';
import { transferCall } from '../../domain/calls/transfer.ts';
import { AppError } from '../../errors.ts';
import type { DeviceAction } from '../../telephony/simulator/voice/device-signal.ts';
import { route } from '../route.ts';
import { IdParams } from '../schemas.ts';
import { accountCredentials, signedWith } from '../webhooks/twilio-context.ts';

const TransferBody = z.strictObject({
  to: z.string().trim().min(3, 'Pick a teammate or enter a number').max(40, 'Too long for a phone number'),
});

const DeviceQuery = z.strictObject({
  callSid: z.string().regex(/^CA[0-9a-f]{32}$/, 'A Twilio call sid'),
  identity: z.string().regex(/^[A-Za-z0-9_]{1,256}$/, 'A dialer identity'),
});

const deviceRoute = (action: DeviceAction, summary: string) =>
  route({
    method: 'post',
    path: `/api/calls/:id/${action}`,
    summary,
    tag: 'calls',
    access: 'member',
    params: IdParams,
    response: { status: 202 },
    async handler({ principal, params, services }) {
      return { status: 202, body: await recordDeviceAction(services, principal, params.id, action) };
    },
  });

export const callControlRoutes = [
  route({
    method: 'post',
    path: '/api/calls/:id/transfer',
    summary:
      'Transfer a live call to a teammate (member id) or a number: Twilio redirects the customer to them; the simulator records it',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    body: TransferBody,
    response: { status: 201 },
    async handler({ principal, params, body, services }) {
      return { status: 201, body: await transferCall(services, principal, params.id, body) };
    },
  }),
  deviceRoute('answer', 'Simulator only: answer a call ringing my dialer (on Twilio the Voice SDK answers)'),
  deviceRoute('decline', 'Simulator only: decline a call ringing my dialer'),
  deviceRoute('hangup', 'Simulator only: hang up the call I am on'),
  route({
    method: 'get',
    path: '/api/simulator/device',
    summary:
      'For `parley simulate`: what a dialer did on a simulated call, signed like a Twilio webhook with the account’s auth token',
    tag: 'calls',
    access: 'public',
    query: DeviceQuery,
    response: { status: 200 },
    async handler({ query, req, services }) {
      const call = await findCallBySid(services.db, query.callSid);
      const creds = call ? await accountCredentials(services, call.accountId) : null;
      if (!creds || !signedWith(services, req, creds))
        throw new AppError('forbidden', 'bad_signature', 'Sign the request with the account’s auth token.');
      return { body: { action: await readDeviceAction(services, query.callSid, query.identity) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/voice/ping',
    summary: 'Answers at once: the dialer times round trips to measure latency and jitter',
    tag: 'calls',
    access: 'member',
    response: { status: 200 },
    async handler({ services }) {
      return { body: { at: services.now().toISOString() } };
    },
  }),
];
