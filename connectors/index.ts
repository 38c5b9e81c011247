/**
 * What core may import from connectors: the contract, the error type and the registry. Core never
 * reaches into a CRM's folder (aesthetics.md §5), so adding a CRM changes this file and nothing in core.
 */
export * from './core/connector.ts';
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
