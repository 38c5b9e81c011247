/**
 * Google Contacts (People API v1) emulator: the endpoints the source uses, built from Google's
 * published reference and discovery document:
 * - discovery document: https://people.googleapis.com/$discovery/rest?version=v1 (read as stored in
 *   googleapis/google-api-go-client `people/v1/people-api.json`): parameter names of
 *   people.connections.list (pageSize, pageToken, personFields, requestMask.includeField,
 *   requestSyncToken, sortOrder, sources, syncToken), the system parameters, the personFields paths.
 * - https://developers.google.com/people/api/rest/v1/people.connections/list — "Sync tokens expire 7
 *   days after the full sync. A request with an expired sync token will get an error with an
 *   google.rpc.ErrorInfo with reason EXPIRED_SYNC_TOKEN"; "When the sync_token is specified, resources
 *   deleted since the last sync will be returned as a person with PersonMetadata.deleted set to true";
 *   "When the page_token or sync_token is specified, all other request parameters must match the first
 *   call"; pageSize "Valid values are between 1 and 1000, inclusive. Defaults to 100 if not set or set
 *   to 0"; nextSyncToken comes on the last page only.
 * - https://developers.google.com/people/api/rest/v1/people/get (people/me, personFields required).
 * - https://developers.google.com/identity/protocols/oauth2/web-server (authorize, token, offline
 *   access, PKCE) and https://cloud.google.com/apis/design/errors (the `{error:{code,message,status,
 *   details}}` body).
 * The expired-token answer is HTTP 400 FAILED_PRECONDITION, as public client tests captured it (the
 * reference names only the reason). The per-minute read quota is a default we could not confirm (verify).
 */
import type { FixturePerson } from '../../core/conformance/fixtures.ts';
import type { HeldPerson } from '../../core/conformance/harness.ts';
import type { RecordRef } from '../../core/connector.ts';
import type { OAuthApp } from '../../core/setup.ts';
import { type RunningEmulator, startEmulatorServer } from '../../testing/emulator-server.ts';
import type { SpecViolation } from '../../testing/openapi-check.ts';
import type { GoogleConfig } from '../config.ts';
import { PARLEY_ID_KEY, sourceRef } from '../map.ts';
import { GOOGLE_RATE } from '../rate.ts';
import { errorFor } from './answers.ts';
import { TokenStore } from './oauth.ts';
import { createRouter, isOAuth } from './routes.ts';
import { GoogleState } from './state.ts';

export interface GoogleEmulator {
  running: RunningEmulator;
  state: GoogleState;
  tokens: TokenStore;
  oauthApp: OAuthApp;
  /** A complete configuration (the tokens of a fresh consent) pointing at this emulator. */
  config(): GoogleConfig;
  /** Seeds contacts as Google holds them (phones as typed); `parleyId`s go to `userDefined`. */
  seed(people: readonly FixturePerson[], parleyIds?: readonly string[]): RecordRef[];
  person(id: string): HeldPerson | undefined;
  /** A user renames the contact, so it shows in the change feed. */
  touch(id: string, name: string): void;
  /** A user deletes the contact: a tombstone stays for sync tokens. */
  remove(id: string): void;
  /** The user removes Parley's access: every token stops working. */
  revokeAccess(): void;
  /** Every sync token issued so far expires, as 7 days after the full sync would. */
  expireSyncTokens(): void;
  close(): Promise<void>;
}

export async function startGoogleEmulator(
  options: { port?: number; latencyMs?: number; enforceLimit?: boolean } = {},
): Promise<GoogleEmulator> {
  const state = new GoogleState();
  const now = () => Date.now();
  const oauthApp: OAuthApp = {
    clientId: 'emu-client-id.apps.googleusercontent.com',
    clientSecret: `GOCSPX-emu-${Math.random().toString(36).slice(2)}`,
    authBaseUrl: '',
  };
  const tokens = new TokenStore(oauthApp, now);
  let epoch = 0;
  // Requests arrive only once the shell is up; from then on the router records into the shell's list.
  let violations: SpecViolation[] = [];
  const route = createRouter({ state, tokens, now, syncEpoch: () => epoch, violations: () => violations });
  const running = await startEmulatorServer({
    name: 'google',
    handle: route,
    errorResponse: errorFor,
    ...((options.enforceLimit ?? true)
      ? {
          limit: {
            requests: GOOGLE_RATE.budget.requests,
            windowMs: GOOGLE_RATE.budget.perMs,
            keyOf: (request) => (isOAuth(request) ? 'oauth' : 'user'),
          },
        }
      : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  violations = running.violations;
  if (options.latencyMs) running.faults.baseLatency(options.latencyMs);
  oauthApp.authBaseUrl = running.url;

  return {
    running,
    state,
    tokens,
    oauthApp,
    config() {
      const issued = tokens.issue();
      return {
        apiBaseUrl: running.url,
        tokenUrl: `${running.url}/token`,
        defaultCountry: 'FR',
        accessToken: issued.accessToken,
        refreshToken: issued.refreshToken,
        expiresAt: issued.expiresAt,
        clientId: oauthApp.clientId,
        clientSecret: oauthApp.clientSecret,
      };
    },
    seed(people, parleyIds = []) {
      return people.map((person, i) => {
        const parleyId = parleyIds[i];
        const contact = state.create(
          {
            name: person.name,
            company: person.company,
            emails: person.emails,
            phones: person.phones,
            userDefined: parleyId ? [{ key: PARLEY_ID_KEY, value: parleyId }] : [],
          },
          now(),
        );
        return sourceRef(contact.resourceName);
      });
    },
    person(id) {
      const contact = state.live(id);
      return contact && { id, name: contact.name, phones: contact.phones };
    },
    touch(id, name) {
      const contact = state.live(id);
      if (contact) state.update(contact, { name }, now());
    },
    remove(id) {
      const contact = state.live(id);
      if (contact) state.remove(contact, now());
    },
    revokeAccess: () => tokens.revokeAll(),
    expireSyncTokens() {
      epoch++;
    },
    close: () => running.close(),
  };
}
