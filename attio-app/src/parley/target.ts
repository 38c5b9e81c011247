import { ATTIO_API_TOKEN, getCurrentUser, getWorkspaceConnection, Settings } from 'attio/server';
import type { z } from 'zod';
import settingsSchema from '../app/settings/schema';
import { workspaceMemberEmail } from '../attio/workspace-member';
import { callParley, type Fetch, type ParleyRequest, type ParleyTarget } from './api';
import { failed, type Outcome } from './outcome';

/**
 * Where and as whom to reach Parley, read on the server for each call: the Parley URL from the
 * workspace settings, the secret from the workspace connection, and the Attio user's email.
 */
export async function parleyTarget(options: {
  actingUser: boolean;
  fetchFn: Fetch;
}): Promise<Outcome<ParleyTarget>> {
  const baseUrl = await Settings.getSettings(settingsSchema, 'parleyUrl');
  if (!baseUrl)
    return failed('not_configured', "An Attio admin must enter the Parley URL in the Parley app's settings.");
  let secret: string;
  try {
    secret = getWorkspaceConnection().value;
  } catch {
    return failed(
      'not_connected',
      "An Attio admin must connect the Parley app with a Parley admin's API token.",
    );
  }
  if (!options.actingUser) return { ok: true, value: { baseUrl, secret, actingEmail: null } };
  const user = getCurrentUser();
  const email = user ? await workspaceMemberEmail(user.id, ATTIO_API_TOKEN, options.fetchFn) : null;
  if (!email) return failed('unknown_user', 'Attio did not say who you are: reload the page and try again.');
  return { ok: true, value: { baseUrl, secret, actingEmail: email } };
}

/** A request to Parley for the Attio user who triggered this server function. */
export async function askParley<T>(
  request: ParleyRequest,
  schema: z.ZodType<T>,
  fetchFn: Fetch = fetch,
): Promise<Outcome<T>> {
  const target = await parleyTarget({ actingUser: true, fetchFn });
  return target.ok ? callParley(target.value, request, schema, fetchFn) : target;
}
