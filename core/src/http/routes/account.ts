import { z } from 'zod';
import { getAccount, publicAccount } from '../../domain/accounts/accounts.ts';
import {
  removeCarrierCredentials,
  saveCarrierCredentials,
} from '../../domain/accounts/carrier-credentials.ts';
import { updateAccount } from '../../domain/accounts/settings.ts';
import { openCarrierCredentials } from '../../telephony/account-carriers.ts';
import { route } from '../route.ts';
import { CountrySchema, LocaleSchema, TimeZoneSchema } from '../schemas.ts';

const AccountPatch = z.strictObject({
  name: z.string().trim().min(1, 'Enter the team name').max(120).optional(),
  defaultCountry: CountrySchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  locale: LocaleSchema.optional(),
});

const CarrierBody = z.strictObject({
  accountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'A Twilio Account SID starts with AC followed by 32 hex characters'),
  authToken: z.string().trim().min(16, 'Paste the auth token from the Twilio console').max(128),
});

export const accountRoutes = [
  route({
    method: 'get',
    path: '/api/account',
    summary: 'The account: name, plan, seats, country, time zone, language',
    tag: 'account',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: publicAccount(await getAccount(services.db, principal.accountId)) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/account',
    summary: 'Change the team name, default country, time zone or language',
    tag: 'account',
    access: 'admin',
    body: AccountPatch,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      return { body: publicAccount(await updateAccount(services.db, principal, body)) };
    },
  }),
  route({
    method: 'get',
    path: '/api/account/carrier',
    summary: "Which carrier account places this team's calls (never the token)",
    tag: 'account',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      const account = await getAccount(services.db, principal.accountId);
      const carrier = services.carrierFor(account);
      const own = account.carrierCredentials
        ? openCarrierCredentials(services.secrets, account.carrierCredentials)
        : null;
      return {
        body: {
          kind: carrier.kind,
          source: own ? 'account' : carrier.kind === 'twilio' ? 'deployment' : 'simulator',
          accountSid: own ? `${own.accountSid.slice(0, 6)}…${own.accountSid.slice(-4)}` : null,
        },
      };
    },
  }),
  route({
    method: 'put',
    path: '/api/account/carrier',
    summary: "Use the team's own Twilio account (checked with Twilio, then stored encrypted)",
    tag: 'account',
    access: 'admin',
    body: CarrierBody,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      return { body: await saveCarrierCredentials(services, principal, body) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/account/carrier',
    summary: "Forget the team's own Twilio credentials",
    tag: 'account',
    access: 'admin',
    response: { status: 204 },
    async handler({ principal, services }) {
      await removeCarrierCredentials(services.db, principal);
      return { status: 204 };
    },
  }),
];
