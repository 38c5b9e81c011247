import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { VoiceToken } from './types.ts';

/**
 * How this dialer's calls carry sound: `simulator` (none: the server plays calls from scripts),
 * `twilio` (the Voice SDK, with the token GET /api/voice/token gave), or `plan` (Starter: no
 * browser calling, calls ring the rep's own phone first).
 */
export type VoiceMode = 'loading' | 'simulator' | 'twilio' | 'plan';

export interface VoiceSetup {
  mode: VoiceMode;
  /** The Twilio access token, in `twilio` mode only. */
  token: string | null;
}

/** Asks for a fresh token too: the Device renews its own before it expires (`tokenWillExpire`). */
export function fetchVoiceToken(): Promise<VoiceToken> {
  return api<VoiceToken>('GET', '/api/voice/token');
}

export function useVoiceMode(): VoiceSetup {
  const [setup, setSetup] = useState<VoiceSetup>({ mode: 'loading', token: null });
  useEffect(() => {
    fetchVoiceToken().then(
      (answer) =>
        setSetup(
          answer.mode === 'twilio'
            ? { mode: 'twilio', token: answer.token }
            : { mode: 'simulator', token: null },
        ),
      (caught: unknown) =>
        setSetup({
          mode: caught instanceof ApiError && caught.code === 'plan_required' ? 'plan' : 'simulator',
          token: null,
        }),
    );
  }, []);
  return setup;
}
