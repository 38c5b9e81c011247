import { z } from 'zod';
import { isE164 } from '../phone/e164.ts';
import type { BuyRequest, NumberSearch, NumberType } from './carrier.ts';
import { CarrierError } from './errors.ts';
import { NUMBER_PATTERN } from './number-pattern.ts';

/**
 * Input checks shared by every carrier, so the simulator refuses exactly what Twilio would and a bad
 * search fails before any network call.
 */
export interface ParsedNumberSearch {
  country: string;
  type: NumberType;
  /** without trunk prefix: "01" becomes "1" */
  areaCode: string | null;
  contains: string | null;
  limit: number;
}

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const numberSearchSchema = z.object({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166 alpha-2 code such as FR, GB or US')
    .transform((country) => country.toUpperCase()),
  type: z.enum(['local', 'mobile', 'toll_free'], 'type must be local, mobile or toll_free').default('local'),
  areaCode: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^0?[1-9]\d{0,4}$/, 'areaCode must be 1 to 5 digits, e.g. 415, 1 or 20')
      .transform((code) => code.replace(/^0/, ''))
      .optional(),
  ),
  contains: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(NUMBER_PATTERN, 'contains must be 2 to 16 digits or letters, * for one digit, % for any run')
      .optional(),
  ),
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit must be at most 50').default(20),
});

const buyRequestSchema = z.object({
  e164: z.string().refine(isE164, 'e164 must be a valid number in E.164 form, e.g. +14155550123'),
  voiceUrl: z.url({
    protocol: /^https?$/,
    error: 'voiceUrl must be an absolute http(s) URL the carrier can reach',
  }),
  statusCallbackUrl: z.url({
    protocol: /^https?$/,
    error: 'statusCallbackUrl must be an absolute http(s) URL the carrier can reach',
  }),
  friendlyName: z.string().trim().min(1).max(64, 'friendlyName must be at most 64 characters').optional(),
});

const numberSidSchema = z
  .string()
  .regex(/^PN[0-9A-Za-z]{32}$/, 'a phone number SID is PN followed by 32 letters or digits');

export function parseNumberSearch(search: NumberSearch): ParsedNumberSearch {
  const parsed = parseOrThrow(numberSearchSchema, search, 'number search');
  return { ...parsed, areaCode: parsed.areaCode ?? null, contains: parsed.contains ?? null };
}

export function parseBuyRequest(request: BuyRequest): BuyRequest {
  return parseOrThrow(buyRequestSchema, request, 'number purchase');
}

export function parseNumberSid(sid: string): string {
  return parseOrThrow(numberSidSchema, sid, 'number release');
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.');
  throw new CarrierError(
    'invalid',
    `Invalid ${what}: ${issue?.message ?? 'unreadable input'}${field ? ` (${field})` : ''}.`,
  );
}
