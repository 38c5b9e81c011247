/**
 * The CRM emulators, by CRM, for core's tests and `parley dev crm`: each answers like its CRM's API
 * (spec-checked where a spec exists). Never used by production code paths.
 */
import { startAttioEmulator } from './attio/emulator/index.ts';
import type { ConformanceEmulator } from './core/conformance/harness.ts';
import type { CrmKind, SourceKind } from './core/connector.ts';
import type { OAuthApp } from './core/setup.ts';
import type { CrmChange, WebhookRequest } from './core/webhook.ts';
import { type GoogleEmulator, startGoogleEmulator } from './google/emulator/index.ts';
import { startHubspotEmulator } from './hubspot/emulator/index.ts';
import { startOdooEmulator } from './odoo/emulator/index.ts';
import { startSalesforceEmulator } from './salesforce/emulator/index.ts';

export { FIXTURE_PEOPLE, type FixturePerson } from './core/conformance/fixtures.ts';
export type { Fault } from './testing/faults.ts';

/** What every emulator offers, whatever its CRM. */
export interface DevEmulator extends ConformanceEmulator {
  /** A connector configuration pointing at the emulator, with working credentials. */
  config(): unknown;
  /** OAuth CRMs: the app registered with the emulator (its authorize and token endpoints). */
  oauthApp?: OAuthApp;
  /** Webhook CRMs: the secret their webhooks are signed with, and a signed request. */
  webhookSecret?: string;
  webhook?(url: string, changes: Array<{ personId: string; change: CrmChange['change'] }>): WebhookRequest;
}

export interface EmulatorOptions {
  port?: number;
  latencyMs?: number;
  /** The CRM's documented request budget, answered with its 429 (on by default). */
  enforceLimit?: boolean;
}

export const emulators: Readonly<Record<CrmKind, (options?: EmulatorOptions) => Promise<DevEmulator>>> = {
  hubspot: startHubspotEmulator,
  salesforce: startSalesforceEmulator,
  attio: startAttioEmulator,
  odoo: startOdooEmulator,
};

/** Contact sources hold no call logs, so their emulators are not `DevEmulator`s. */
export const sourceEmulators: Readonly<
  Record<SourceKind, (options?: EmulatorOptions) => Promise<GoogleEmulator>>
> = {
  google: startGoogleEmulator,
};

export type { GoogleEmulator };
