import { useEffect, useMemo, useState } from 'react';
import { type CallAudio, simulatorCallAudio } from './call-audio.ts';
import { createVoiceDevice, type TwilioCallAudio, twilioCallAudio } from './twilio-call-audio.ts';
import { fetchVoiceToken, type VoiceSetup } from './use-voice-mode.ts';

async function freshToken(): Promise<string> {
  const answer = await fetchVoiceToken();
  if (answer.mode !== 'twilio') throw new Error('Twilio is no longer configured for this account.');
  return answer.token;
}

/**
 * The dialer's audio port: the Voice SDK once Twilio gave a token and its Device is loaded, the
 * simulator's otherwise. The Device is destroyed when the dialer goes away.
 */
export function useAudioPort(voice: VoiceSetup): CallAudio & { place?: TwilioCallAudio['place'] } {
  const simulator = useMemo(() => simulatorCallAudio(), []);
  const [twilio, setTwilio] = useState<TwilioCallAudio | null>(null);
  useEffect(() => {
    if (voice.mode !== 'twilio' || !voice.token) return;
    let port: TwilioCallAudio | null = null;
    let gone = false;
    void createVoiceDevice(voice.token).then((device) => {
      if (gone) return device.destroy();
      port = twilioCallAudio(device, freshToken);
      void port.start();
      setTwilio(port);
    });
    return () => {
      gone = true;
      port?.stop();
      setTwilio(null);
    };
  }, [voice.mode, voice.token]);
  return twilio ?? simulator;
}
