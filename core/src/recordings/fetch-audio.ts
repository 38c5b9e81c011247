import { AiError } from '../ai/errors.ts';

export interface CarrierRecording {
  /** The RecordingUrl the carrier posted. */
  url: string;
  carrier: 'twilio' | 'simulator';
  /** The account's carrier credentials: Twilio serves recordings behind HTTP Basic auth with them. */
  accountSid: string;
  authToken: string;
}

export interface FetchedAudio {
  bytes: Uint8Array;
  contentType: string;
}

const TWILIO_HOST = 'api.twilio.com';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const FETCH_TIMEOUT_MS = 120_000;
const WAV_TYPES = new Set(['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave']);

/**
 * The URL to fetch, or an `invalid` AiError: the credentials go only to Twilio's own API host, and a
 * simulator's recordings only to this machine, so a forged RecordingUrl cannot send them elsewhere.
 * `.wav` asks Twilio for the lossless 16-bit PCM rather than its MP3.
 */
export function recordingMediaUrl(recording: Pick<CarrierRecording, 'url' | 'carrier'>): URL {
  let url: URL;
  try {
    url = new URL(recording.url);
  } catch {
    throw new AiError('invalid', `The carrier's recording address (${recording.url}) is not a URL.`);
  }
  const allowed =
    recording.carrier === 'twilio'
      ? url.protocol === 'https:' && url.hostname === TWILIO_HOST
      : LOOPBACK.has(url.hostname);
  if (!allowed)
    throw new AiError(
      'invalid',
      `Parley fetches ${recording.carrier === 'twilio' ? 'Twilio recordings only from https://api.twilio.com' : 'simulated recordings only from this machine'}; the recording address was ${url.origin}.`,
    );
  if (!/\.(wav|mp3)$/i.test(url.pathname)) url.pathname += '.wav';
  return url;
}

/** The recording's bytes from the carrier, with the account's credentials. */
export async function fetchCarrierRecording(
  recording: CarrierRecording,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<FetchedAudio> {
  const url = recordingMediaUrl(recording);
  const send = options.fetch ?? globalThis.fetch;
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let response: Response;
  try {
    response = await send(url, {
      headers: {
        authorization: `Basic ${Buffer.from(`${recording.accountSid}:${recording.authToken}`).toString('base64')}`,
        accept: 'audio/wav, audio/mpeg;q=0.8',
      },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (error) {
    throw new AiError('unavailable', `The carrier did not hand over the recording: ${String(error)}.`, {
      cause: error,
    });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 401 || response.status === 403)
      throw new AiError(
        'invalid',
        `The carrier refused the account's credentials for the recording (HTTP ${response.status}).`,
      );
    // Twilio answers 404 for a short while after the callback, until the file is processed.
    throw new AiError(
      response.status === 429 ? 'rate_limited' : 'unavailable',
      `The carrier answered HTTP ${response.status} for the recording.`,
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length === 0) throw new AiError('invalid', 'The carrier handed over an empty recording.');
  const given =
    (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() || 'audio/wav';
  if (!given.startsWith('audio/'))
    throw new AiError('invalid', `The carrier handed over ${given}, not audio.`);
  // Twilio says audio/x-wav; one spelling for players and engines downstream.
  return { bytes, contentType: WAV_TYPES.has(given) ? 'audio/wav' : given };
}
