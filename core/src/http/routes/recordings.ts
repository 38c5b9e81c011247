import { z } from 'zod';
import { callIntelligence, retryFailedStages } from '../../ai/pipeline/intelligence.ts';
import { AppError } from '../../errors.ts';
import { audioFileName, sendAudio } from '../../recordings/serve.ts';
import { checkSignedRecordingLink, SIGNED_RECORDING_PATH } from '../../recordings/signed-url.ts';
import { assertMayHearCall, loadAudio } from '../../recordings/store.ts';
import { sql } from '../../store/sql.ts';
import { route } from '../route.ts';
import { IdParams } from '../schemas.ts';

const SignedQuery = z.object({
  account: z.uuid('Not a valid account id'),
  expires: z.coerce.number().int('Not a valid expiry'),
  signature: z.string().min(1).max(200),
});

function noAudio(): AppError {
  return new AppError(
    'not_found',
    'recording_not_found',
    'This call has no recording kept: it was not recorded, is still being fetched, or was deleted.',
  );
}

export const recordingRoutes = [
  route({
    method: 'get',
    path: '/api/calls/:id/intelligence',
    summary:
      'A call’s recording, transcript (speakers, timestamps) and summary, with each pipeline stage pending, done or failed (with why); admins and the call’s member only',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    response: { status: 200 },
    async handler({ principal, params, services }) {
      return { body: await callIntelligence(services.db, principal, params.id) };
    },
  }),
  route({
    method: 'post',
    path: '/api/calls/:id/intelligence/retry',
    summary: 'Runs a call’s failed pipeline stages again',
    tag: 'calls',
    access: 'admin',
    params: IdParams,
    response: { status: 202 },
    async handler({ principal, params, services }) {
      await retryFailedStages(services.db, principal, params.id);
      return { status: 202, body: { queued: true } };
    },
  }),
  route({
    method: 'get',
    path: '/api/calls/:id/recording',
    summary: 'Plays a call’s recording (WAV or MP3, byte ranges); admins and the call’s member only',
    tag: 'calls',
    access: 'member',
    params: IdParams,
    response: { status: 200, description: 'audio/wav or audio/mpeg; 206 for a Range request' },
    async handler({ principal, params, services, req, res }) {
      await assertMayHearCall(services.db, principal, params.id);
      const audio = await loadAudio(services.db, params.id);
      if (!audio) throw noAudio();
      sendAudio(req, res, audio, audioFileName(params.id, audio.contentType));
      return { streamed: true };
    },
  }),
  route({
    method: 'get',
    path: `${SIGNED_RECORDING_PATH}/:id`,
    summary:
      'Plays a call’s recording from a signed, expiring link handed to a CRM (no session; byte ranges)',
    tag: 'calls',
    access: 'public',
    params: IdParams,
    query: SignedQuery,
    response: { status: 200, description: 'audio/wav or audio/mpeg; 206 for a Range request' },
    async handler({ params, query, services, req, res }) {
      const link = { accountId: query.account, callId: params.id };
      const check = checkSignedRecordingLink(services, link, query.expires, query.signature);
      if (!check.ok && check.reason === 'expired')
        throw new AppError(
          'gone',
          'recording_link_expired',
          `This recording link has expired; sign in to Parley to play the call: ${new URL('/app', services.publicUrl)}`,
        );
      if (!check.ok)
        throw new AppError('forbidden', 'recording_link_invalid', 'This recording link is not valid.');
      // The call must still belong to the account the link was signed for.
      const call = await services.db.maybeOne(
        sql`select 1 from calls where id = ${params.id} and account_id = ${query.account}`,
      );
      const audio = call ? await loadAudio(services.db, params.id) : null;
      if (!audio) throw noAudio();
      sendAudio(req, res, audio, audioFileName(params.id, audio.contentType));
      return { streamed: true };
    },
  }),
];
