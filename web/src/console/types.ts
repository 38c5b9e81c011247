/** The shapes the console reads from the REST API (core/src/http/routes), as JSON (dates are strings). */

export type Role = 'admin' | 'member';
export type Plan = 'starter' | 'business';
export type Feature = 'web_dialer' | 'dashboard' | 'supervision' | 'ai_receptionist';

export interface ConsoleMe {
  member: { id: string; name: string; email: string; role: Role };
  account: {
    id: string;
    name: string;
    plan: Plan;
    defaultCountry: string;
    timeZone: string;
    locale: 'fr' | 'en';
    features: Feature[];
  };
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: Role;
  numbers: string[];
}

export interface Presence {
  memberId: string;
  name: string;
  status: 'online' | 'busy' | 'offline';
  onCall: boolean;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  state: 'pending' | 'accepted' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
  delivery: {
    status: 'queued' | 'sent' | 'failed';
    error: string | null;
    attempts: number;
    lastSentAt: string | null;
  };
}

export interface Billing {
  plan: Plan;
  seats: number;
  seatsUsed: { members: number; pendingInvitations: number; total: number };
  seatPriceCents: number;
  currency: string;
  monthlyTotalCents: number;
  subscriptionStatus: 'active' | 'past_due' | 'suspended';
  paymentMethod: { brand: string; last4: string } | null;
}

export interface SeatChange {
  id: string;
  delta: number;
  seatsBefore: number;
  seatsAfter: number;
  seatPriceCents: number;
  monthlyTotalBeforeCents: number;
  monthlyTotalAfterCents: number;
  currency: string;
  expiresAt: string;
}

export type NumberType = 'local' | 'mobile' | 'toll_free';

export interface AvailableNumber {
  e164: string;
  country: string;
  locality: string | null;
  region: string | null;
  type: NumberType;
}

export interface PhoneNumber {
  id: string;
  e164: string;
  country: string;
  label: string | null;
  assignedMemberId: string | null;
  isTeamLine: boolean;
  /** Calls on it are not recorded, and callers hear no recording notice. */
  doNotRecord: boolean;
}

export type Assignment = { memberId: string } | { team: true } | null;

export const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAY_KEYS)[number];

export interface TimeRange {
  start: string;
  end: string;
}

export type AfterHours =
  | { kind: 'voicemail' }
  | { kind: 'forward'; to: string }
  | { kind: 'announcement'; text: string; language: 'fr' | 'en' }
  | { kind: 'ai_receptionist' };

export interface Schedule {
  timeZone: string;
  days: Record<DayKey, { enabled: boolean; ranges: TimeRange[] }>;
  holidays: string[];
  afterHours: AfterHours;
}

export interface HoursAnswer {
  schedule: Schedule;
  isDefault: boolean;
  open?: boolean;
}

export type Fallback =
  | { kind: 'voicemail' }
  | { kind: 'hangup' }
  | { kind: 'forward'; to: string }
  | { kind: 'announcement'; text: string; language: 'fr' | 'en' };

/** Where an IVR key or an AI receptionist intent sends the call. */
export type Target =
  | { kind: 'member'; memberId: string; ringSeconds: number }
  | { kind: 'members'; memberIds: string[]; ringSeconds: number }
  | { kind: 'voicemail' }
  | { kind: 'announcement'; text: string; language: 'fr' | 'en' }
  | { kind: 'forward'; to: string };

export type RoutingPolicy =
  | { strategy: 'simultaneous'; members: string[]; ringSeconds: number; fallback: Fallback }
  | {
      strategy: 'cascade';
      steps: Array<{ memberId: string; ringSeconds: number }>;
      fallback: Fallback;
    }
  | {
      strategy: 'ivr';
      greeting: { text: string; language: 'fr' | 'en' };
      options: Array<{ digit: string; target: Target }>;
      timeoutSeconds: number;
      maxRetries: number;
      fallback: Fallback;
    }
  | {
      strategy: 'ai_receptionist';
      greeting: { text: string; language: 'fr' | 'en' };
      intents: Array<{ name: string; phrases: { fr: string[]; en: string[] }; target: Target }>;
      fallback: Fallback;
    };

export type CrmKind = 'hubspot' | 'salesforce' | 'attio' | 'odoo' | 'google';

export interface CrmAvailable {
  kind: CrmKind;
  setup: 'oauth' | 'form';
  ready: boolean;
  fields?: Array<{ name: string; label: string; secret: boolean }>;
}

export interface CrmSettings {
  logCalls: 'all' | 'answered';
  logInternalCalls: boolean;
  unknownCallers: 'create_contact' | 'log_unassociated' | 'skip';
  fallbackOwnerId: string | null;
  ownerOverrides: Record<string, string>;
  includeRecordings: boolean;
  includeTranscripts: boolean;
  includeSummaries: boolean;
  pushContacts: boolean;
}

export interface CrmConnection {
  id: string;
  kind: CrmKind;
  status: 'active' | 'reconnect_needed';
  connectedAs: { accountId: string; userId: string; userEmail?: string; instanceUrl: string };
  settings: CrmSettings;
  owners: Array<{ id: string; email: string; name: string }>;
  contactsSyncedAt: string | null;
  import: { state: 'running' | 'done' | 'failed'; imported: number; error?: string } | null;
  lastLoggedAt: string | null;
  lastError: string | null;
  backlog?: number;
  failed?: number;
  logged?: number;
}

export interface CrmFailure {
  callId: string;
  status: string;
  error: string | null;
  attempts: number;
  updatedAt: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
}

/** One set of figures of the dashboard (core/src/analytics/metrics.ts); rates and means are null with nothing to count. */
export interface Totals {
  calls: number;
  inbound: number;
  outbound: number;
  answered: number;
  missed: number;
  afterHours: number;
  answerRate: number | null;
  averageTalkSeconds: number | null;
  averageResponseSeconds: number | null;
}

export interface Volume {
  inbound: number;
  outbound: number;
  missed: number;
}

export interface Dashboard {
  team: Totals;
  /** Keyed by member id: everyone who took, placed or was rung for a call of the range. */
  members: Record<string, Totals>;
  byDay: Array<Volume & { day: string }>;
  byHour: Array<Volume & { hour: number }>;
  timeZone: string;
  from: string;
  to: string;
}

export type CallResult =
  | 'answered'
  | 'missed'
  | 'voicemail'
  | 'abandoned'
  | 'busy'
  | 'failed'
  | 'after_hours';

/** The part of a call's record (core/src/domain/calls/call-record.ts) supervision shows. */
export interface CallRecord {
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  createdAt: string;
  answeredAt?: string;
  endedAt?: string;
  ringSeconds?: number;
  talkSeconds?: number;
  result?: CallResult;
  answeredBy?: string;
  placedBy?: string;
  rungMemberIds: string[];
  recording?: { url: string; durationSeconds: number };
  voicemail?: { url: string; durationSeconds: number; transcript?: string };
  notes?: string;
  disposition?: string;
  final: boolean;
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
  record: CallRecord | null;
}

export interface CallComment {
  id: string;
  callId: string;
  /** The comment this reply answers; null for a thread's first comment. */
  parentId: string | null;
  authorMemberId: string | null;
  authorName: string | null;
  /** Seconds from the start of the recording; null for a comment on the whole call. */
  atSeconds: number | null;
  body: string;
  createdAt: string;
}

/** One live check of GET /api/troubleshooting; the console words `code` itself, `message` is the fallback. */
export interface Finding {
  code: string;
  ok: boolean;
  message: string;
  facts: Record<string, unknown>;
}

export type Problem =
  | 'invitation_not_received'
  | 'cannot_add_members'
  | 'calls_not_routing'
  | 'crm_not_syncing';

export interface Diagnosis {
  problem: Problem;
  ok: boolean;
  findings: Finding[];
}
