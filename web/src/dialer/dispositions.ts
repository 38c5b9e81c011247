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
