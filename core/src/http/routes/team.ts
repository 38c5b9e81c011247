import { z } from 'zod';
import { listMembers } from '../../domain/identity/members.ts';
import { listNumbers } from '../../domain/numbers/numbers.ts';
import { getInvitation, invite, listInvitations, resend, revoke } from '../../domain/team/invitations.ts';
import { changeRole, removeMember } from '../../domain/team/members-admin.ts';
import type { Services } from '../../services.ts';
import { route } from '../route.ts';
import { EmailSchema, IdParams, RoleSchema } from '../schemas.ts';

const InviteBody = z.strictObject({ email: EmailSchema, role: RoleSchema.default('member') });
const MemberPatch = z.strictObject({ role: RoleSchema });

const invitationDeps = (services: Services) => ({
  db: services.db,
  mailer: services.mailer,
  publicUrl: services.publicUrl,
  log: services.log,
});

export const teamRoutes = [
  route({
    method: 'get',
    path: '/api/team/members',
    summary: 'Members of the team with their role and numbers',
    tag: 'team',
    access: 'member',
    response: { status: 200 },
    async handler({ principal, services }) {
      const [members, numbers] = await Promise.all([
        listMembers(services.db, principal.accountId),
        listNumbers(services.db, principal.accountId),
      ]);
      return {
        body: {
          members: members.map((m) => ({
            ...m,
            numbers: numbers.filter((n) => n.assignedMemberId === m.id).map((n) => n.e164),
          })),
        },
      };
    },
  }),
  route({
    method: 'patch',
    path: '/api/team/members/:id',
    summary: "Change a member's role",
    tag: 'team',
    access: 'admin',
    requires: ['number'],
    params: IdParams,
    body: MemberPatch,
    response: { status: 200 },
    async handler({ principal, params, body, services }) {
      return { body: await changeRole(services.db, principal, params.id, body.role) };
    },
  }),
  route({
    method: 'delete',
    path: '/api/team/members/:id',
    summary: 'Remove a member (frees their seat; their numbers stay with the team)',
    tag: 'team',
    access: 'admin',
    requires: ['number'],
    params: IdParams,
    response: { status: 204 },
    async handler({ principal, params, services }) {
      await removeMember(services.db, principal, params.id);
      return { status: 204 };
    },
  }),
  route({
    method: 'get',
    path: '/api/team/invitations',
    summary: 'Invitations with their state and email delivery status',
    tag: 'team',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      return {
        body: { invitations: await listInvitations(services.db, principal.accountId, services.now()) },
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/team/invitations',
    summary: 'Invite someone by email (takes a seat until accepted, revoked or expired)',
    tag: 'team',
    access: 'admin',
    requires: ['number'],
    body: InviteBody,
    response: { status: 201, description: 'Created; acceptUrl is shown in this response only' },
    async handler({ principal, body, services }) {
      return { status: 201, body: await invite(invitationDeps(services), principal, body, services.now()) };
    },
  }),
  route({
    method: 'get',
    path: '/api/team/invitations/:id',
    summary: 'One invitation with its delivery log (every email sent, with the mail server’s answer)',
    tag: 'team',
    access: 'admin',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await getInvitation(services.db, principal.accountId, params.id, services.now()) };
    },
  }),
  route({
    method: 'post',
    path: '/api/team/invitations/:id/resend',
    summary: 'Resend an invitation with a new link valid 7 days (the old link stops working)',
    tag: 'team',
    access: 'admin',
    requires: ['number'],
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await resend(invitationDeps(services), principal, params.id, services.now()) };
    },
  }),
  route({
    method: 'post',
    path: '/api/team/invitations/:id/revoke',
    summary: 'Withdraw an invitation (its link stops working, the seat is freed)',
    tag: 'team',
    access: 'admin',
    requires: ['number'],
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await revoke(services.db, principal, params.id, services.now()) };
    },
  }),
];
