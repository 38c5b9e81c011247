import { addMember, addSeats, buyFirstNumber, openAroundTheClock, signUpAdmin } from './fixtures.ts';
import type { TestServer } from './test-server.ts';

/**
 * An account on the Business plan with one rep, online, whom its team line rings at any hour:
 * the smallest team a call can reach.
 */
export async function teamWithOneRep(server: TestServer) {
  const admin = await signUpAdmin(server);
  const number = await buyFirstNumber(admin.client, { team: true });
  await admin.client.put('/api/billing/plan', { plan: 'business' });
  await addSeats(admin.client, 1);
  const rep = await addMember(server, admin.client);
  await rep.client.put('/api/me/presence', { status: 'online' });
  await openAroundTheClock(admin.client);
  await admin.client.put(`/api/numbers/${number.id}/routing`, {
    strategy: 'simultaneous',
    members: [rep.memberId],
  });
  return {
    admin: admin.client,
    adminId: admin.memberId,
    accountId: admin.accountId,
    number,
    rep: { client: rep.client, memberId: rep.memberId },
  };
}
