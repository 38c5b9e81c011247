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

export type Fallback = { kind: 'voicemail' } | { kind: 'hangup' } | { kind: 'forward'; to: string };

export type RoutingPolicy =
  | { strategy: 'simultaneous'; members: string[]; ringSeconds: number; fallback: Fallback }
  | {
      strategy: 'cascade';
      steps: Array<{ memberId: string; ringSeconds: number }>;
      fallback: Fallback;
    }
  | { strategy: 'ivr' | 'ai_receptionist'; fallback: Fallback };

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
