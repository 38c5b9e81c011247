import { randomBytes } from 'node:crypto';

/** CA: a call or call leg, RE: a recording, TR: a transcription, AP: a TwiML App. */
export type SidPrefix = 'CA' | 'RE' | 'TR' | 'AP';

/**
 * A fresh Twilio-shaped SID: the prefix and 32 lowercase hex characters, which is what the
 * webhook schemas accept (`^CA[0-9a-fA-F]{32}$`).
 */
export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString('hex');
}
