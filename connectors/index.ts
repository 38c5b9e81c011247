/**
 * What core may import from connectors: the contract, the error type and the registry. Core never
 * reaches into a CRM's folder (aesthetics.md §5), so adding a CRM changes this file and nothing in core.
 */
export * from './core/connector.ts';
export type { ContactSource, ContactSourceDescriptor, SourcePage } from './core/contact-source.ts';
export type {
  Capabilities,
  ConnectorDeps,
  ConnectorDescriptor,
  ConnectorLog,
  RateSpec,
} from './core/descriptor.ts';
export { CrmError, type CrmErrorKind, isCrmError, type RetryPolicy, retryDecision } from './core/errors.ts';
export type { Clock, RateLimiter, TokenBucket } from './core/http.ts';
export { normaliseForCompare } from './core/phone.ts';
export type { AuthorizeInput, ExchangeInput, OAuthApp, SetupMethod } from './core/setup.ts';
export type { CrmChange, WebhookRequest, WebhookSpec, WebhookVerdict } from './core/webhook.ts';
/** HubSpot signs its app cards' `hubspot.fetch` calls as it signs webhooks (core's card routes check them). */
export { verifySignatureV3 as verifyHubspotSignature } from './hubspot/webhook.ts';

import { attio } from './attio/index.ts';
import type { SourceKind } from './core/connector.ts';
import type { ContactSourceDescriptor } from './core/contact-source.ts';
import type { ConnectorRegistry } from './core/descriptor.ts';
import { google } from './google/index.ts';
import { hubspot } from './hubspot/index.ts';
import { odoo } from './odoo/index.ts';
import { salesforce } from './salesforce/index.ts';

/** Every CRM Parley connects to; a missing one, or one under the wrong key, fails to compile. */
export const connectors = { hubspot, salesforce, attio, odoo } as const satisfies ConnectorRegistry;

/** Every contact source (address books Parley only reads from). */
export const contactSources = { google } as const satisfies {
  readonly [K in SourceKind]: ContactSourceDescriptor<K>;
};
