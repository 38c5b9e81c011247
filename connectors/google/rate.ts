import type { RateSpec } from '../core/descriptor.ts';

/**
 * People API read quota per user (verify: the Cloud console lists "Read requests per minute per user"
 * for people.googleapis.com; 90 is the default we could not confirm from a published page). The
 * first page of a full sync draws on a further fixed quota (people.connections.list reference).
 */
export const GOOGLE_RATE: RateSpec = { budget: { requests: 90, perMs: 60_000 } };
