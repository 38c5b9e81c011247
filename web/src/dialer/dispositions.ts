import { dialerEn, dialerFr } from './texts.ts';

/** The outcomes a rep picks after a call; the key is what PATCH /api/calls/:id stores and CRMs receive. */
export const DISPOSITIONS = [
  'interested',
  'follow_up',
  'not_interested',
  'wrong_number',
  'support_solved',
  'voicemail_left',
] as const;

export type Disposition = (typeof DISPOSITIONS)[number];

/** The rep's words for a stored disposition; a code Parley does not know (set through the API) shows as is. */
export function dispositionLabel(locale: 'fr' | 'en', code: string): string {
  const known = (DISPOSITIONS as readonly string[]).includes(code);
  return known ? (locale === 'fr' ? dialerFr : dialerEn)[`disposition.${code as Disposition}`] : code;
}
