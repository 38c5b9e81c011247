import { troubleshoot } from '../../domain/troubleshooting/troubleshooting.ts';
import { route } from '../route.ts';

export const troubleshootingRoutes = [
  route({
    method: 'get',
    path: '/api/troubleshooting',
    summary:
      'The four support questions answered live for this account: invitation not received, cannot add members, calls not routing, CRM not syncing',
    tag: 'troubleshooting',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: { diagnoses: await troubleshoot(services, principal.accountId) } };
    },
  }),
];
