import { useState } from 'react';
import { HEARD_LEVEL } from './call-quality.ts';
import { listenToMicrophone, type NetworkResult, testNetwork } from './quality-probes.ts';
import { type DialerT, useDialerText } from './texts.ts';
import type { VoiceSetup } from './use-voice-mode.ts';

const LISTEN_MS = 3_000;

type MicResult = { kind: 'heard' } | { kind: 'silent' } | { kind: 'failed'; message: string };

const message = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

function networkText(t: DialerT, result: NetworkResult): string {
  if (result.kind === 'twilio') return t('quality.twilio', { quality: result.quality });
  return t('quality.network', {
    verdict: t(`quality.${result.verdict}`),
    rtt: Math.round(result.stats.averageRttMs),
    jitter: Math.round(result.stats.jitterMs),
    loss: Math.round(result.stats.lossRatio * 100),
  });
}

/** Before calls: is the microphone heard, and is the connection good enough for a call? */
export function QualityCheck({ voice }: { voice: VoiceSetup }) {
  const t = useDialerText();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [level, setLevel] = useState(0);
  const [mic, setMic] = useState<MicResult | null>(null);
  const [network, setNetwork] = useState<string | null>(null);

  async function run() {
    setRunning(true);
    setMic(null);
    setNetwork(null);
    const heard = listenToMicrophone(LISTEN_MS, setLevel).then(
      (loudest): MicResult => ({ kind: loudest >= HEARD_LEVEL ? 'heard' : 'silent' }),
      (caught: unknown): MicResult => ({ kind: 'failed', message: message(caught) }),
    );
    const tested = testNetwork(voice.mode === 'twilio' ? voice.token : null).then(
      (result) => networkText(t, result),
      (caught: unknown) => t('quality.networkFailed', { message: message(caught) }),
    );
    const [micResult, networkResult] = await Promise.all([heard, tested]);
    setMic(micResult);
    setNetwork(networkResult);
    setRunning(false);
  }

  return (
    <section className="quality-check" aria-label={t('quality.title')}>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('quality.title')}
      </button>
      {open ? (
        <div className="card">
          <button type="button" onClick={() => void run()} disabled={running}>
            {t('quality.run')}
          </button>
          {running ? <p aria-live="polite">{t('quality.running')}</p> : null}
          <label className="field">
            {t('quality.mic')}
            <meter min={0} max={1} low={HEARD_LEVEL} optimum={0.6} value={level} />
          </label>
          <output className="quality-results">
            {mic ? (
              <p data-mic={mic.kind}>
                {mic.kind === 'heard'
                  ? t('quality.micHeard')
                  : mic.kind === 'silent'
                    ? t('quality.micSilent')
                    : t('quality.micFailed', { message: mic.message })}
              </p>
            ) : null}
            {network ? <p data-network="done">{network}</p> : null}
          </output>
        </div>
      ) : null}
    </section>
  );
}
