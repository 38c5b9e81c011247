import { z } from 'zod';

/** Single saves name the code `errorCode`; sObject Collections name it `statusCode`. */
const SaveErrorSchema = z
  .object({
    message: z.string(),
    errorCode: z.string().optional(),
    statusCode: z.string().optional(),
    fields: z.array(z.string()).optional(),
  })
  .transform(({ message, errorCode, statusCode, fields }) => ({
    message,
    errorCode: errorCode ?? statusCode ?? 'UNKNOWN_EXCEPTION',
    ...(fields ? { fields } : {}),
  }));

/** A create, update or upsert answer (api_rest guide, "SaveResult"); `created` on upserts. */
export const SaveResultSchema = z.object({
  id: z.string().nullish(),
  success: z.boolean(),
  errors: z.array(SaveErrorSchema).default([]),
});
export type SaveResult = z.infer<typeof SaveResultSchema>;
