import { dialRequestFromMessage } from './dial-request.ts';

/** A call the dialer starts or takes, as a host (CRM extension) sees it. */
export interface CallInfo {
  callId: string;
  direction: 'inbound' | 'outbound';
  number: string;
  contact: { id: string; name: string } | null;
}

/** The call once over, with what the rep wrote, for the host to show or log on its side. */
export interface CallLog extends CallInfo {
  result: string | null;
  talkSeconds: number | null;
  notes: string;
  disposition: string | null;
}

/** A record the rep asked to see: a CRM page (url) and, when known, the Parley contact. */
export interface RecordRef {
  url: string;
  crm?: string | undefined;
  contactId?: string | undefined;
}

/**
 * What each CRM extension implements (HubSpot calling SDK, Salesforce Open CTI, Odoo, Attio):
 * where dial requests come from, and where the dialer reports its calls and record links.
 */
/** The CRM record a dial request came from (`crm` is a CRM kind: `salesforce`…), for the call's contact. */
export interface DialRecord {
  crm: string;
  id: string;
}

export interface HostBridge {
  /** Returns a function that stops listening. `record` is the CRM record the number was clicked on, when known. */
  onDialRequest(callback: (number: string, record?: DialRecord) => void): () => void;
  /** The rep signed in (or out, with null): hosts such as HubSpot show their own state from it. */
  signedIn(member: { id: string; name: string; email: string } | null): void;
  /** A call rings for this rep: the host may pop the caller's record. */
  incomingCall(info: CallInfo): void;
  /** The call is connected (answered inbound, or placed outbound). */
  callStarted(info: CallInfo): void;
  callEnded(log: CallLog): void;
  openRecord(ref: RecordRef): void;
}

/**
 * The origin of the page framing the dialer, or null at top level. Chromium gives it in
 * `ancestorOrigins`; other browsers send it as the referrer of the frame's first load.
 */
export function parentOrigin(win: Window): string | null {
  if (win.parent === win) return null;
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * The default host: a plain tab, or any page that frames the dialer and speaks postMessage.
 * Dial requests are accepted only from the framing page's origin (or this origin at top level),
 * and reports are posted to that origin only, never to `*`: call details stay with the host.
 */
export function plainTabHost(win: Window = window): HostBridge {
  const framer = parentOrigin(win);
  const trusted = framer ?? win.location.origin;
  const post = (message: object) => {
    if (framer) win.parent.postMessage(message, framer);
  };
  return {
    onDialRequest(callback) {
      const listener = (event: MessageEvent) => {
        if (event.origin !== trusted) return;
        const number = dialRequestFromMessage(event.data);
        if (number) callback(number);
      };
      win.addEventListener('message', listener);
      return () => win.removeEventListener('message', listener);
    },
    signedIn: (member) => post({ type: 'parley.signedIn', member }),
    incomingCall: (info) => post({ type: 'parley.incomingCall', call: info }),
    callStarted: (info) => post({ type: 'parley.callStarted', call: info }),
    callEnded: (log) => post({ type: 'parley.callEnded', call: log }),
    openRecord(ref) {
      if (framer) post({ type: 'parley.openRecord', record: ref });
      else win.open(ref.url, '_blank', 'noopener');
    },
  };
}
