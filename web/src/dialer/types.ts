/** The API's shapes the dialer reads, as the core's routes return them (dates arrive as ISO strings). */

export type PresenceStatus = 'online' | 'busy' | 'offline';

export interface DialerMe {
  member: { id: string; name: string; email: string; role: 'admin' | 'member' };
  account: { id: string; name: string; defaultCountry: string; features: string[] };
}

export type CallResult =
  | 'answered'
  | 'missed'
  | 'voicemail'
  | 'abandoned'
  | 'busy'
  | 'failed'
  | 'after_hours';

export interface CallRecordView {
  id: string;
  answeredAt?: string;
  endedAt?: string;
  talkSeconds?: number;
  result?: CallResult;
  notes?: string;
  disposition?: string;
}

export interface CallSummary {
  id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  memberId: string | null;
  contactId: string | null;
  result: CallResult | null;
  final: boolean;
  createdAt: string;
  record: CallRecordView | null;
}

export interface Contact {
  id: string;
  name: string;
  company: string | null;
  emails: string[];
  phones: string[];
  externalIds: Record<string, string>;
}

export interface CrmSync {
  crm: string;
  status: string;
  recordUrl: string | null;
  error: string | null;
}

export interface TeamMember {
  id: string;
  name: string;
}

export type VoiceToken =
  | { mode: 'simulator'; identity: string }
  | { mode: 'twilio'; identity: string; token: string };

export type ClickToCallAnswer =
  | { mode: 'browser'; to: string; callerId: string; connectParams: Record<string, string> }
  | { mode: 'call_me_first'; to: string; callerId: string; callId: string; callSid: string; ringing: string }
  | { mode: 'simulated'; to: string; callerId: string; callId?: string; callSid: string };
