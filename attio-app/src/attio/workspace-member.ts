import { z } from 'zod';
import type { Fetch } from '../parley/api';

const WorkspaceMember = z.object({ data: z.object({ email_address: z.string() }) });

/**
 * The email of an Attio workspace member, read from Attio's REST API with the app's own token
 * (scope `user_management:read`), so the browser never gets to say who it is.
 */
export async function workspaceMemberEmail(
  memberId: string,
  token: string,
  fetchFn: Fetch,
): Promise<string | null> {
  const response = await fetchFn(
    `https://api.attio.com/v2/workspace_members/${encodeURIComponent(memberId)}`,
    { method: 'GET', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
  );
  if (!response.ok) {
    console.error(`[Attio] workspace member lookup answered ${response.status}`);
    return null;
  }
  const parsed = WorkspaceMember.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.data.email_address : null;
}
