import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { VoiceToken } from './types.ts';

/**
 * How this dialer's calls carry sound: `simulator` (none: the server plays calls from scripts),
 * `twilio` (the Voice SDK would carry it; not bundled yet), or `plan` (Starter: no browser
 * calling, calls ring the rep's own phone first).
 */
export type VoiceMode = 'loading' | 'simulator' | 'twilio' | 'plan';

export function useVoiceMode(): VoiceMode {
  const [mode, setMode] = useState<VoiceMode>('loading');
  useEffect(() => {
    api<VoiceToken>('GET', '/api/voice/token').then(
      (token) => setMode(token.mode),
      (caught: unknown) =>
        setMode(caught instanceof ApiError && caught.code === 'plan_required' ? 'plan' : 'simulator'),
    );
  }, []);
  return mode;
}
