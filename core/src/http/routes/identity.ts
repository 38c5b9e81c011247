import { z } from 'zod';
import { getAccount, publicAccount } from '../../domain/accounts/accounts.ts';
import { PLANS } from '../../domain/accounts/plans.ts';
import { signUp } from '../../domain/accounts/signup.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/identity/api-tokens.ts';
import { createEmbedToken } from '../../domain/identity/embed-tokens.ts';
import { signIn } from '../../domain/identity/login.ts';
import { getProfile, updateProfile } from '../../domain/identity/profile.ts';
import { endSession } from '../../domain/identity/sessions.ts';
import { pickOwnNumber } from '../../domain/numbers/numbers.ts';
import { acceptInvitation, lookupInvitation } from '../../domain/team/invitations.ts';
import { AppError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { readCookie, SESSION_COOKIE } from '../auth.ts';
import { route } from '../route.ts';
import {
  CountrySchema,
  EmailSchema,
  IdParams,
  LocaleSchema,
  PasswordSchema,
  PersonNameSchema,
  TimeZoneSchema,
} from '../schemas.ts';

const FRENCH_SPEAKING = new Set(['FR', 'BE', 'CH', 'LU', 'MC', 'CA']);

const SignupBody = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  name: PersonNameSchema,
  company: z.string().trim().min(1, 'Enter your company or team name').max(120),
  country: CountrySchema.default('FR'),
  timeZone: TimeZoneSchema.default('Europe/Paris'),
  locale: LocaleSchema.optional(),
  quoteCode: z.string().trim().min(4, 'A quote code looks like PQ-ABCD-EFGH-JKLM').max(40).optional(),
});

const SessionBody = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'Enter your password').max(200),
});

const TokenBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the token after where it is used').max(80),
});

const InvitationTokenBody = z.strictObject({
  token: z.string().trim().min(10, 'Not a valid invitation link').max(200),
});

const AcceptBody = InvitationTokenBody.extend({ name: PersonNameSchema, password: PasswordSchema });

const ProfilePatch = z.strictObject({
  name: PersonNameSchema.optional(),
  phone: z.string().trim().min(3, 'Enter your phone number').max(40).nullable().optional(),
});

const PickNumberBody = z.strictObject({ e164: z.string().trim().min(3, 'Enter a phone number').max(40) });

async function me(services: Services, accountId: string, memberId: string) {
  const [member, account] = await Promise.all([
    getProfile(services.db, accountId, memberId),
    getAccount(services.db, accountId),
  ]);
  return { member, account: { ...publicAccount(account), features: PLANS[account.plan].features } };
}

export const identityRoutes = [
  route({
    method: 'post',
    path: '/api/signup',
    summary: 'Create an account and its first admin (optionally from a signed quote code)',
    tag: 'identity',
    access: 'public',
    body: SignupBody,
    response: { status: 201, description: 'Signed up and signed in (session cookie set)' },
    async handler({ body, services }) {
      const locale = body.locale ?? (FRENCH_SPEAKING.has(body.country) ? 'fr' : 'en');
      const result = await signUp(services.db, { ...body, locale }, services.now());
      return {
        status: 201,
        body: await me(services, result.accountId, result.member.id),
        session: result.session,
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/session',
    summary: 'Sign in with email and password (sets an httpOnly session cookie)',
    tag: 'identity',
    access: 'public',
    body: SessionBody,
    response: { status: 200 },
    async handler({ body, services }) {
      const result = await signIn(services, body.email, body.password, services.now());
      return { body: await me(services, result.accountId, result.memberId), session: result.session };
    },
  }),
  route({
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out',
    tag: 'identity',
    access: 'member',
    response: { status: 204 },
    async handler({ req, services }) {
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      if (token) await endSession(services.db, token);
      return { status: 204, session: null };
    },
  }),
  route({
    method: 'post',
    path: '/api/session/embed-token',
    summary:
      'A 15-minute bearer token for the dialer framed in a CRM, where the session cookie is blocked (session only)',
    tag: 'identity',
    access: 'member',
    response: { status: 201, description: '{ token, expiresAt }: send it as "Authorization: Bearer"' },
    async handler({ principal, services }) {
      // Only a session (the sign-in popup) mints one: a token that could mint the next would
      // live forever once leaked, and an API token has no need for a second credential.
      if (principal.via !== 'session')
        throw new AppError(
          'forbidden',
          'session_required',
          'Embed tokens are minted from a signed-in session: sign in in the Parley window, not with a token.',
        );
      return { status: 201, body: await createEmbedToken(services.db, principal, services.now()) };
    },
  }),
  route({
    method: 'get',
    path: '/api/me',
    summary: 'Who is signed in, and their account',
    tag: 'identity',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: await me(services, principal.accountId, principal.memberId) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/me',
    summary: 'Change my name, or the phone call-me-first rings (null removes it)',
    tag: 'identity',
    access: 'member',
    body: ProfilePatch,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      return { body: { member: await updateProfile(services.db, principal, body) } };
    },
  }),
  route({
    method: 'get',
    path: '/api/me/tokens',
    summary: 'My personal API tokens (never the secrets)',
    tag: 'identity',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: { tokens: await listApiTokens(services.db, principal) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/me/tokens',
    summary: 'Create a personal API token; the token is in this response only',
    tag: 'identity',
    access: 'member',
    body: TokenBody,
    response: { status: 201 },
    async handler({ principal, body, services }) {
      return { status: 201, body: await createApiToken(services.db, principal, body.name) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/me/tokens/:id',
    summary: 'Revoke one of my API tokens',
    tag: 'identity',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await revokeApiToken(services.db, principal, params.id, services.now()) };
    },
  }),
  route({
    method: 'post',
    path: '/api/me/number',
    summary: 'Pick my own number: a free one of the team, or a new one bought for me',
    tag: 'numbers',
    access: 'member',
    body: PickNumberBody,
    response: { status: 201 },
    async handler({ principal, body, services }) {
      return { status: 201, body: await pickOwnNumber(services, principal, body.e164) };
    },
  }),
  route({
    method: 'post',
    path: '/api/invitations/lookup',
    summary: 'What an invitation link is for (account, email), before accepting it',
    tag: 'identity',
    access: 'public',
    body: InvitationTokenBody,
    response: { status: 200 },
    async handler({ body, services }) {
      return { body: await lookupInvitation(services.db, body.token, services.now()) };
    },
  }),
  route({
    method: 'post',
    path: '/api/invitations/accept',
    summary: 'Accept an invitation: creates the login for the invited email and signs in',
    tag: 'identity',
    access: 'public',
    body: AcceptBody,
    response: { status: 201 },
    async handler({ body, services }) {
      const { member, session } = await acceptInvitation(services.db, body, services.now());
      return { status: 201, body: await me(services, member.accountId, member.id), session };
    },
  }),
];
