import { z } from 'zod';
import { retentionSettings, updateRetention } from '../../domain/recording-policy/retention-settings.ts';
import { route } from '../route.ts';

const RetentionBody = z
  .strictObject({
    deleteAudioAfterDays: z
      .number()
      .int('Whole days')
      .min(1, 'At least one day')
      .max(3650, 'At most ten years (3650 days)')
      .nullable()
      .optional(),
    keepTranscript: z.boolean().optional(),
  })
  .refine((b) => b.deleteAudioAfterDays !== undefined || b.keepTranscript !== undefined, {
    message: 'Give deleteAudioAfterDays (null keeps audio) or keepTranscript',
    path: ['deleteAudioAfterDays'],
  });

export const recordingPolicyRoutes = [
  route({
    method: 'get',
    path: '/api/account/recording-retention',
    summary: 'How long call audio is kept, and whether transcripts stay after it is deleted',
    tag: 'account',
    access: 'admin',
    response: { status: 200 },
    async handler({ principal, services }) {
      return { body: await retentionSettings(services.db, principal.accountId) };
    },
  }),
  route({
    method: 'put',
    path: '/api/account/recording-retention',
    summary:
      'Delete call audio after N days (at the carrier too), optionally keeping transcripts; null keeps audio',
    tag: 'account',
    access: 'admin',
    body: RetentionBody,
    response: { status: 200 },
    async handler({ principal, body, services }) {
      return { body: await updateRetention(services.db, principal, body) };
    },
  }),
];
