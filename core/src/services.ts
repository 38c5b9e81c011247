import type { Logger } from 'pino';
import type { Bus } from './bus/bus.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { RoutingConfig } from './domain/calls/routing-config.ts';
import type { Mailer } from './mail/mailer.ts';
import type { IntentMatcher } from './routing/intent-match.ts';
import type { Db } from './store/db.ts';
import type { CrmServices } from './sync/crm-services.ts';
import type { Carrier } from './telephony/carrier.ts';

/**
 * What the domain and the HTTP layer are given, built once at start (server.ts) or per test.
 * Nothing in here is a global: tests build their own.
 */
export interface Services {
  db: Db;
  bus: Bus;
  log: Logger;
  mailer: Mailer;
  secrets: SecretBox;
  /** The carrier of an account: its own Twilio credentials, the deployment's, or the simulator. */
  carrierFor(account: { carrierCredentials: string | null }): Carrier;
  /** A Twilio carrier for credentials an admin just typed, to check them before saving. */
  carrierWith(credentials: { accountSid: string; authToken: string }): Carrier;
  /** The Twilio account (or simulator identity) whose auth token signs this account's webhooks. */
  webhookCredentialsFor(account: { carrierCredentials: string | null }): {
    accountSid: string;
    authToken: string;
  };
  /** Twilio's browser-calling setup (API key and TwiML App); null on the simulator. */
  voice: { accountSid: string; apiKeySid: string; apiKeySecret: string; twimlAppSid: string } | null;
  /** An account's routing inputs at a config version (cached: see domain/calls/routing-config.ts). */
  routingConfig(accountId: string, version: number): Promise<RoutingConfig>;
  /** Matches a caller's words to the AI receptionist's intents (an LLM when configured). */
  intentMatcher: IntentMatcher;
  /** CRM connectors, the apps Parley registered with each CRM, and this instance's sync worker. */
  crm: CrmServices;
  publicUrl: string;
  production: boolean;
  now(): Date;
}
