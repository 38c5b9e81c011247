import { CONNECTION_KINDS, ConnectionKindSchema } from '@parley/connectors';
import { z } from 'zod';
import { getCall } from '../../domain/calls/calls-store.ts';
import {
  callSyncStatus,
  connectWithForm,
  crmOutcomes,
  failedSyncs,
  refreshOwners,
  retrySyncs,
  startImport,
  startOAuth,
  unmatchedMembers,
} from '../../sync/admin.ts';
import { deleteConnection, getConnection, listConnections, updateSettings } from '../../sync/connections.ts';
import { setupOf } from '../../sync/crm-services.ts';
import { ConnectionSettingsPatchSchema } from '../../sync/settings.ts';
import { route } from '../route.ts';
import { IdParams } from '../schemas.ts';

const KindParams = z.strictObject({ kind: ConnectionKindSchema });
const ConnectBody = z.strictObject({
  /** Only for CRMs connected with a form (Odoo); OAuth CRMs take an empty body. */
  fields: z.record(z.string(), z.string()).optional(),
});
const RetryBody = z.strictObject({ callId: z.uuid('Not a valid call id').optional() });

export const crmRoutes = [
  route({
    method: 'get',
    path: '/api/crm/connections',
    summary: 'CRM connections with status, last sync, backlog and failures',
    tag: 'crm',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      const available = CONNECTION_KINDS.flatMap((kind) => {
        const setup = setupOf(kind, services.crm);
        if (!setup) return [];
        return [
          {
            kind,
            setup: setup.kind,
            // An OAuth CRM is ready once the server has its app's credentials (README: PARLEY_<CRM>_CLIENT_ID…).
            ready: setup.kind === 'form' || Boolean(services.crm.apps[kind]),
            ...(setup.kind === 'form' ? { fields: setup.fields } : {}),
          },
        ];
      });
      return { body: { connections: await listConnections(services.db, principal.accountId), available } };
    },
  }),
  route({
    method: 'post',
    path: '/api/crm/:kind/connect',
    summary: 'Connect a CRM: an OAuth URL to open, or the connection made from the form’s fields',
    tag: 'crm',
    access: 'admin',
    params: KindParams,
    body: ConnectBody,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      if (setupOf(params.kind, services.crm)?.kind === 'form') {
        const connection = await connectWithForm(
          services,
          principal.accountId,
          params.kind,
          body.fields ?? {},
        );
        return { status: 201, body: { connection } };
      }
      return { body: await startOAuth(services, principal, params.kind) };
    },
  }),
  route({
    method: 'get',
    path: '/api/crm/connections/:id',
    summary: 'One CRM connection, with members no CRM user matches',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      const connection = await getConnection(services.db, principal.accountId, params.id);
      return { body: { connection, unmatchedMembers: await unmatchedMembers(services, connection) } };
    },
  }),
  route({
    method: 'patch',
    path: '/api/crm/connections/:id',
    summary: 'Change what a CRM connection logs and how (calls, unknown callers, owners, outcomes)',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    body: ConnectionSettingsPatchSchema,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return {
        body: { connection: await updateSettings(services.db, principal.accountId, params.id, body) },
      };
    },
  }),
  route({
    method: 'delete',
    path: '/api/crm/connections/:id',
    summary: 'Disconnect a CRM (calls already logged stay in it)',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    response: { status: 204 },
    async handler({ principal, params, services }) {
      await deleteConnection(services.db, principal.accountId, params.id);
      return { status: 204 };
    },
  }),
  route({
    method: 'get',
    path: '/api/crm/connections/:id/failures',
    summary: 'Calls the CRM refused, with its own message',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: { failures: await failedSyncs(services, principal.accountId, params.id) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/crm/connections/:id/retry',
    summary: 'Send failed calls again (one, or all)',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    body: RetryBody,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return { body: { requeued: await retrySyncs(services, principal.accountId, params.id, body.callId) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/crm/connections/:id/import',
    summary: 'Import every contact from the CRM again; progress shows on the connection',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    response: { status: 202 },
    async handler({ principal, params, services }) {
      await getConnection(services.db, principal.accountId, params.id);
      startImport(services, params.id);
      return {
        status: 202,
        body: { connection: await getConnection(services.db, principal.accountId, params.id) },
      };
    },
  }),
  route({
    method: 'get',
    path: '/api/crm/connections/:id/outcomes',
    summary: 'The CRM’s own call outcomes, to map Parley’s results and dispositions onto (settings.outcomes)',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: { outcomes: await crmOutcomes(services, principal.accountId, params.id) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/crm/connections/:id/owners/refresh',
    summary: 'Read the CRM’s users again, for the member mapping',
    tag: 'crm',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: { connection: await refreshOwners(services, principal.accountId, params.id) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id/crm',
    summary:
      'Where a call stands in each connected CRM: pending, logged (with a link) or failed (with the CRM’s message)',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      await getCall(services.db, principal.accountId, params.id);
      return { body: { syncs: await callSyncStatus(services, principal.accountId, params.id) } };
    },
  }),
];
