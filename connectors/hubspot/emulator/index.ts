import type { FixturePerson } from '../../core/conformance/fixtures.ts';
import type {
  ConformanceEmulator,
  HeldCallLog,
  HeldNote,
  HeldPerson,
} from '../../core/conformance/harness.ts';
import type { RecordRef } from '../../core/connector.ts';
import type { OAuthApp } from '../../core/setup.ts';
import type { CrmChange, WebhookRequest } from '../../core/webhook.ts';
import { startEmulatorServer } from '../../testing/emulator-server.ts';
import type { HubspotConfig } from '../config.ts';
import { PARLEY_CALL_ID, recordUrl } from '../map.ts';
import { signV3 } from '../webhook.ts';
import { errorFor } from './answers.ts';
import { TokenStore } from './oauth.ts';
import { createRouter, isOutsideSpec, isSearch } from './routes.ts';
import { loadHubspotSpecCheck } from './spec.ts';
import { HubspotState } from './state.ts';

export interface HubspotEmulator extends ConformanceEmulator {
  /** A complete configuration (OAuth tokens of a fresh install) pointing at this emulator. */
  config(): HubspotConfig;
  /** The same portal reached with a private-app token. */
  privateAppConfig(): HubspotConfig;
  oauthApp: OAuthApp;
  /** The secret webhooks are signed with: the app's client secret. */
  webhookSecret: string;
  webhook(url: string, changes: Array<{ personId: string; change: CrmChange['change'] }>): WebhookRequest;
  state: HubspotState;
  tokens: TokenStore;
}

const SUBSCRIPTION: Readonly<Record<CrmChange['change'], string>> = {
  created: 'contact.creation',
  updated: 'contact.propertyChange',
  deleted: 'contact.deletion',
};

const stripHtml = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

export async function startHubspotEmulator(
  options: { port?: number; latencyMs?: number; enforceLimit?: boolean } = {},
): Promise<HubspotEmulator> {
  const enforceLimit = options.enforceLimit ?? true;
  const state = new HubspotState();
  const now = () => Date.now();
  const oauthApp: OAuthApp = {
    clientId: 'emu-client-id',
    clientSecret: `emu-secret-${Math.random().toString(36).slice(2)}`,
    authBaseUrl: '',
  };
  const tokens = new TokenStore(oauthApp, state, now);
  const route = createRouter({ state, tokens, now, enforceLimit });
  const running = await startEmulatorServer({
    name: 'hubspot',
    handle: route,
    errorResponse: errorFor,
    spec: await loadHubspotSpecCheck(),
    outsideSpec: isOutsideSpec,
    // 110 per 10 s per portal for everything but Search, which has its own 5/s (enforced in routes).
    ...(enforceLimit
      ? {
          limit: {
            requests: 110,
            windowMs: 10_000,
            keyOf: (request) => (isSearch(request) ? 'search' : 'portal'),
          },
        }
      : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  if (options.latencyMs) running.faults.baseLatency(options.latencyMs);
  oauthApp.authBaseUrl = running.url;

  const base = (): Omit<HubspotConfig, 'credentials'> => ({
    portalId: String(state.portalId),
    hubDomain: state.hubDomain,
    apiBaseUrl: running.url,
    appBaseUrl: running.url,
    defaultCountry: state.defaultCountry,
  });

  const contactRef = (id: string): RecordRef => ({
    crm: 'hubspot',
    objectType: 'contacts',
    id,
    url: recordUrl(running.url, String(state.portalId), { objectType: 'contacts', id }),
  });

  return {
    running,
    state,
    tokens,
    oauthApp,
    webhookSecret: oauthApp.clientSecret,
    config() {
      const issued = tokens.issue();
      return {
        ...base(),
        credentials: {
          kind: 'oauth',
          accessToken: issued.accessToken,
          refreshToken: issued.refreshToken,
          expiresAt: issued.expiresAt,
          clientId: oauthApp.clientId,
          clientSecret: oauthApp.clientSecret,
        },
      };
    },
    privateAppConfig() {
      return { ...base(), credentials: { kind: 'private-app', accessToken: tokens.privateAppToken } };
    },
    async seed(people: readonly FixturePerson[]) {
      return people.map((person) => {
        const [first = '', ...rest] = person.name.split(' ');
        const properties: Record<string, string> = {
          firstname: first,
          lastname: rest.join(' '),
          lifecyclestage: person.kind === 'lead' ? 'lead' : 'customer',
        };
        if (person.company) properties.company = person.company;
        if (person.emails[0]) properties.email = person.emails[0];
        if (person.phones[0]) properties.phone = person.phones[0];
        if (person.phones[1]) properties.mobilephone = person.phones[1];
        return contactRef(state.create('contacts', properties, now()).id);
      });
    },
    callLogs(): HeldCallLog[] {
      return [...state.objects.calls.values()]
        .filter((call) => !call.archived)
        .map((call) => ({
          id: call.id,
          parleyCallId: call.properties[PARLEY_CALL_ID] ?? '',
          contactIds: state.linked('calls', call.id).filter((id) => state.live('contacts', id)),
          durationSeconds: Number(call.properties.hs_call_duration ?? '0') / 1000,
          text: stripHtml([call.properties.hs_call_title, call.properties.hs_call_body].join('\n')),
        }));
    },
    notes(): HeldNote[] {
      return [...state.objects.notes.values()]
        .filter((note) => !note.archived)
        .map((note) => ({
          id: note.id,
          targetId: state.linked('notes', note.id)[0] ?? '',
          body: stripHtml(note.properties.hs_note_body ?? ''),
        }));
    },
    person(id): HeldPerson | undefined {
      const contact = state.live('contacts', id);
      if (!contact) return undefined;
      const p = contact.properties;
      return {
        id,
        name: [p.firstname, p.lastname].filter(Boolean).join(' '),
        phones: [p.phone, p.mobilephone].filter((phone): phone is string => Boolean(phone)),
      };
    },
    touch(id, name) {
      const contact = state.live('contacts', id);
      if (!contact) return;
      const [first = '', ...rest] = name.split(' ');
      state.write('contacts', contact, { firstname: first, lastname: rest.join(' ') }, now());
    },
    remove(id) {
      const contact = state.live('contacts', id);
      if (contact) state.archive('contacts', contact, now());
    },
    revokeAccess() {
      tokens.revokeAll();
    },
    webhook(url, changes) {
      const occurredAt = now();
      const body = JSON.stringify(
        changes.map((change, i) => ({
          eventId: occurredAt * 100 + i,
          subscriptionId: 1001,
          portalId: state.portalId,
          appId: state.appId,
          occurredAt,
          subscriptionType: SUBSCRIPTION[change.change],
          attemptNumber: 0,
          objectId: Number(change.personId),
          changeSource: 'CRM_UI',
          ...(change.change === 'updated' ? { propertyName: 'firstname', propertyValue: 'x' } : {}),
        })),
      );
      const timestamp = String(occurredAt);
      return {
        method: 'POST',
        url,
        rawBody: body,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signV3(oauthApp.clientSecret, 'POST', url, body, timestamp),
          'x-hubspot-request-timestamp': timestamp,
        },
      };
    },
    close: () => running.close(),
  };
}
