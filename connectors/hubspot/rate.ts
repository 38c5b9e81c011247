import type { RateSpec } from '../core/descriptor.ts';

/**
 * Marketplace OAuth apps: 110 requests per 10 s per installing portal, Search excluded
 * (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines).
 */
export const HUBSPOT_RATE: RateSpec = {
  budget: { requests: 110, perMs: 10_000 },
  remainingHeader: 'x-hubspot-ratelimit-remaining',
};

/** The CRM search endpoints have their own limit: 5 requests per second per portal. */
export const HUBSPOT_SEARCH_RATE: RateSpec = { budget: { requests: 5, perMs: 1_000 } };
