import type { AnyRoute } from '../route.ts';
import { accountRoutes } from './account.ts';
import { analyticsRoutes } from './analytics.ts';
import { attioAppRoutes } from './attio-app.ts';
import { auditRoutes } from './audit.ts';
import { billingRoutes } from './billing.ts';
import { callControlRoutes } from './call-control.ts';
import { callRoutes, clickToCallRoutes } from './calls.ts';
import { coachingRoutes } from './coaching.ts';
import { contactRoutes } from './contacts.ts';
import { crmRoutes } from './crm.ts';
import { hoursRoutes } from './hours.ts';
import { identityRoutes } from './identity.ts';
import { numberRoutes } from './numbers.ts';
import { presenceRoutes } from './presence.ts';
import { recordingPolicyRoutes } from './recording-policy.ts';
import { recordingRoutes } from './recordings.ts';
import { supervisionRoutes } from './supervision.ts';
import { teamRoutes } from './team.ts';
import { troubleshootingRoutes } from './troubleshooting.ts';

/** Every API route. Order matters only where a literal segment shares a prefix with `:id`. */
export const apiRoutes: readonly AnyRoute[] = [
  ...identityRoutes,
  ...accountRoutes,
  ...billingRoutes,
  ...teamRoutes,
  ...numberRoutes,
  ...hoursRoutes,
  ...contactRoutes,
  ...crmRoutes,
  ...auditRoutes,
  ...presenceRoutes,
  ...clickToCallRoutes,
  ...callControlRoutes,
  ...callRoutes,
  ...supervisionRoutes,
  ...coachingRoutes,
  ...recordingPolicyRoutes,
  ...recordingRoutes,
  ...analyticsRoutes,
  ...troubleshootingRoutes,
  ...attioAppRoutes,
];
