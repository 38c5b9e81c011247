import { dialRequestFromMessage } from '../dial-request.ts';
import {
  type DialRecord,
  type HostBridge,
  parentOrigin,
  plainTabHost,
  type RecordRef,
} from '../host-bridge.ts';

/** Every Open CTI callback gets this (api-cti guide, Lightning Experience methods). */
export interface OpenCtiResponse {
  success: boolean;
  returnValue: unknown;
  errors: unknown[] | null;
}
type OpenCtiCallback = (response: OpenCtiResponse) => void;

/** What Salesforce passes to the `onClickToDial` listener (a plain payload, not a response). */
export interface ClickToDialPayload {
  number: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  /** A person account's number: its contact's id (the guide says "accountId or contactId"). */
  contactId?: string;
  accountId?: string;
  personAccount?: boolean;
}

/** The part of `sforce.opencti` (Lightning, API 47+ for the message service) the bridge uses. */
export interface OpenCti {
  CALL_TYPE: { INBOUND: string };
  SCREENPOP_TYPE: { SOBJECT: string };
  enableClickToDial(args: { callback?: OpenCtiCallback }): void;
  disableClickToDial(args: { callback?: OpenCtiCallback }): void;
  onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
  searchAndScreenPop(args: {
    searchParams: string;
    callType: string;
    deferred?: boolean;
    callback?: OpenCtiCallback;
  }): void;
  screenPop(args: { type: string; params: { recordId: string }; callback?: OpenCtiCallback }): void;
  setSoftphonePanelVisibility(args: { visible: boolean; callback?: OpenCtiCallback }): void;
  notifyInitializationComplete(args?: { callback?: OpenCtiCallback }): void;
  subscribe(args: {
    channelName: string;
    listener: (message: unknown) => void;
    callback?: OpenCtiCallback;
  }): void;
}

/** 47.0 brought the message service methods; the path is the one the api-cti guide's samples load. */
export const OPEN_CTI_API_VERSION = '62.0';

/**
 * The channel `parleyClickToCall` publishes on (salesforce-package/…/messageChannels). Its
 * messages are `{ type: 'parley.dial', number, recordId }`, the same shape a plain host posts.
 */
export const SOFTPHONE_CHANNEL = 'Parley_Softphone__c';

/**
 * Whether a script from this origin may run in the dialer: a Salesforce domain over https
 * (Lightning `*.lightning.force.com`, sandboxes included; My Domain `*.my.salesforce.com`), or this machine
 * (local development, tests). `frame-ancestors` alone is not enough: it also admits every CRM
 * host any account connected (a self-hosted Odoo), whose script must never run in Parley's origin.
 */
export function isSalesforceOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const { protocol, hostname } = new URL(origin);
  if (protocol === 'http:') return hostname === '127.0.0.1' || hostname === 'localhost';
  return (
    protocol === 'https:' &&
    (hostname.endsWith('.lightning.force.com') || hostname.endsWith('.my.salesforce.com'))
  );
}

/** Where Lightning's Open CTI library lives on the Salesforce domain that frames the softphone. */
export function openCtiUrl(salesforceOrigin: string): string {
  return `${salesforceOrigin}/support/api/${OPEN_CTI_API_VERSION}/lightning/opencti_min.js`;
}

/** Adds the library's script to the page and resolves with `sforce.opencti` once it ran. */
export function loadOpenCti(win: Window, salesforceOrigin: string): Promise<OpenCti> {
  return new Promise((resolve, reject) => {
    const script = win.document.createElement('script');
    script.src = openCtiUrl(salesforceOrigin);
    script.onload = () => {
      const api = (win as Window & { sforce?: { opencti?: OpenCti } }).sforce?.opencti;
      if (api) resolve(api);
      else reject(new Error(`${script.src} did not define sforce.opencti`));
    };
    script.onerror = () => reject(new Error(`${script.src} could not be loaded`));
    win.document.head.append(script);
  });
}

/** A Lightning record page (`/lightning/r/Contact/003…/view`, what the connector links to) → its id. */
export function recordIdOf(url: string): string | null {
  const match = /\/lightning\/r\/\w+\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view(?:[/?#]|$)/.exec(url);
  return match?.[1] ?? null;
}

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * A Salesforce record id in its 18-character form, the one the REST API (and so Parley's contact
 * links) holds; a 15-character id (case-sensitive) gets its suffix: per block of five, one
 * character whose bits say which of the five are capitals. Null for anything not an id.
 */
export function salesforceId18(id: unknown): string | null {
  if (typeof id !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id)) return null;
  if (id.length === 18) return id;
  const blocks = [0, 5, 10].map((start) =>
    [...id.slice(start, start + 5)].reduce(
      (bits, char, i) => (/[A-Z]/.test(char) ? bits | (1 << i) : bits),
      0,
    ),
  );
  return id + blocks.map((bits) => SUFFIX_CHARS[bits]).join('');
}

function recordOf(id: unknown): DialRecord | undefined {
  const full = salesforceId18(id);
  return full ? { crm: 'salesforce', id: full } : undefined;
}

/**
 * The dialer as the Open CTI softphone of a Lightning app's utility bar. The library is loaded
 * from the Salesforce page that frames the dialer (`frame-ancestors` lets only allowed hosts
 * frame it; `isSalesforceOrigin` keeps the script to Salesforce's own domains).
 *
 * Parley's server logs every call as a Task itself (connectors/salesforce, upsert on
 * `Parley_Call_Id__c`), so the softphone never calls `saveLog`: Salesforce gets one Task per call.
 */
export function salesforceHost(
  win: Window = window,
  load: (win: Window, origin: string) => Promise<OpenCti> = loadOpenCti,
): HostBridge {
  const framer = parentOrigin(win);
  // At top level, or framed by anything but Salesforce, the dialer behaves as a plain tab.
  if (!framer || !isSalesforceOrigin(framer)) return plainTabHost(win);

  const dialListeners = new Set<(number: string, record?: DialRecord) => void>();
  // The record the number was clicked on goes along: the server logs the call on its Parley contact.
  const dial = (asked: string | null, recordId: unknown) => {
    if (!asked) return;
    const record = recordOf(recordId);
    for (const listener of dialListeners) listener(asked, record);
  };

  const ready = load(win, framer).then((cti) => {
    cti.onClickToDial({
      listener: (payload) =>
        dial(
          dialRequestFromMessage({ type: 'parley.dial', number: String(payload.number) }),
          payload.contactId ?? payload.recordId,
        ),
    });
    cti.subscribe({
      channelName: SOFTPHONE_CHANNEL,
      listener: (message) => {
        const asked = dialRequestFromMessage(message);
        // A button on a record page sends the number while the utility bar may be closed.
        if (asked) cti.setSoftphonePanelVisibility({ visible: true });
        dial(asked, (message as { recordId?: unknown }).recordId);
      },
    });
    cti.notifyInitializationComplete();
    return cti;
  });
  // Without the library the dialer still works on its own; the rep just gets no Salesforce pops.
  ready.catch((error: unknown) => console.warn('Parley: Open CTI is unavailable', error));
  const withCti = (action: (cti: OpenCti) => void, otherwise: () => void = () => {}) => {
    ready.then(action, otherwise);
  };

  return {
    onDialRequest(callback) {
      dialListeners.add(callback);
      return () => dialListeners.delete(callback);
    },
    // Phone numbers in Salesforce turn into click-to-dial links only while someone can take the call.
    signedIn(member) {
      withCti((cti) => (member ? cti.enableClickToDial({}) : cti.disableClickToDial({})));
    },
    incomingCall(info) {
      withCti((cti) => {
        cti.setSoftphonePanelVisibility({ visible: true });
        // Salesforce searches the objects of the softphone layout and pops the match (or a search page).
        cti.searchAndScreenPop({
          searchParams: info.number,
          callType: cti.CALL_TYPE.INBOUND,
          deferred: false,
        });
      });
    },
    // The rep is already on the caller's record (popped on ring, or where click-to-dial started).
    callStarted() {},
    // The server writes the Task; the record page shows it once the sync worker has logged it.
    callEnded() {},
    openRecord(ref: RecordRef) {
      const newTab = () => win.open(ref.url, '_blank', 'noopener');
      const recordId = ref.crm === 'salesforce' ? recordIdOf(ref.url) : null;
      if (!recordId) return void newTab();
      // Inside Salesforce the record opens in the console's own navigation, not a second Salesforce tab.
      withCti((cti) => cti.screenPop({ type: cti.SCREENPOP_TYPE.SOBJECT, params: { recordId } }), newTab);
    },
  };
}
