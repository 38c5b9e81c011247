import type { Connection } from 'attio/server';
import { Settings } from 'attio/server';
import { callParley } from '../../parley/api';
import { Installation } from '../../parley/schemas';
import settingsSchema from '../settings/schema';

/**
 * Runs before Attio saves the workspace connection: throwing refuses it, so a mistyped or
 * member's token is caught at install rather than on the first call.
 */
export default async function connectionAdded({ connection }: { connection: Connection }) {
  const baseUrl = await Settings.getSettings(settingsSchema, 'parleyUrl');
  if (!baseUrl) throw new Error("Enter the Parley URL in the app's settings first, then connect.");
  const answer = await callParley(
    { baseUrl, secret: connection.value, actingEmail: null },
    { method: 'GET', path: '/api/attio-app/installation' },
    Installation,
    fetch,
  );
  if (!answer.ok) throw new Error(answer.problem.message);
}
