import { CarrierError } from '../../errors.ts';

/** The `path` of a browser-originated call's single <Dial>: it is no step of any routing plan. */
export const OUTBOUND_PATH = 'out';
/** The `member` of a leg callback for the external number a forward step dials. */
export const FORWARD_LEG = 'forward';
/** The `member` of a leg callback for the customer a browser-originated call dials. */
export const CUSTOMER_LEG = 'customer';

export interface WebhookUrls {
  voice(): string;
  status(): string;
  step(callId: string, path: string): string;
  dial(callId: string, path: string): string;
  gather(callId: string, path: string): string;
  answer(callId: string, memberId: string): string;
  /** `member` is a member id, FORWARD_LEG or CUSTOMER_LEG. */
  leg(callId: string, member: string): string;
  voicemail(callId: string): string;
  /** call-me-first: fetched when the rep answers their own phone; dials the customer. */
  bridge(callId: string): string;
  recording(callId: string): string;
  transcription(callId: string): string;
  /** Live listening: a party of the call (`rep`, or `customer` after the Dial) joins its conference. */
  conference(callId: string, role: string): string;
  /** Live listening: the supervisor's own leg joins the call's conference. */
  supervise(callId: string, supervisionId: string): string;
}

/**
 * The webhook URLs of the decided scheme under `base` (PUBLIC_URL). Twilio signs the exact URL it
 * was given, so every query is built by URLSearchParams in one fixed key order: the URL a webhook
 * handler rebuilds to check a signature is then the one Twilio saw.
 */
export function webhookUrls(base: string): WebhookUrls {
  const root = `${publicBase(base)}/webhooks/twilio`;
  const url = (hook: string, query: Record<string, string> = {}): string => {
    const search = new URLSearchParams(query).toString();
    return search ? `${root}/${hook}?${search}` : `${root}/${hook}`;
  };
  return {
    voice: () => url('voice'),
    status: () => url('status'),
    step: (call, path) => url('step', { call, path }),
    dial: (call, path) => url('dial', { call, path }),
    gather: (call, path) => url('gather', { call, path }),
    answer: (call, member) => url('answer', { call, member }),
    leg: (call, member) => url('leg', { call, member }),
    voicemail: (call) => url('voicemail', { call }),
    bridge: (call) => url('bridge', { call }),
    recording: (call) => url('recording', { call }),
    transcription: (call) => url('transcription', { call }),
    conference: (call, role) => url('conference', { call, role }),
    supervise: (call, supervision) => url('supervise', { call, supervision }),
  };
}

/** `base` without its trailing slashes; a prefix path (a server behind /parley) is kept. */
function publicBase(base: string): string {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new CarrierError(
      'invalid',
      `PUBLIC_URL "${base}" is not a URL; set it to e.g. https://parley.example.com.`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CarrierError('invalid', `PUBLIC_URL "${base}" must start with https:// (or http:// locally).`);
  }
  if (base.includes('?') || base.includes('#')) {
    throw new CarrierError(
      'invalid',
      `PUBLIC_URL "${base}" must have no query or fragment: Twilio signs the full URL.`,
    );
  }
  return base.replace(/\/+$/, '');
}
