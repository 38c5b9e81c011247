import type { RunningEmulator } from '../../testing/emulator-server.ts';
import type { CrmConnector, RecordRef } from '../connector.ts';
import type { ConnectorDescriptor } from '../descriptor.ts';
import type { FixturePerson } from './fixtures.ts';

/** A call log as the CRM holds it, read from the emulator's state. */
export interface HeldCallLog {
  /** The CRM's id of the record. */
  id: string;
  /** Parley's call id, as stored on the record (external id, unique attribute, `call_id`). */
  parleyCallId: string;
  /** The CRM ids of the people the record is linked to. */
  contactIds: string[];
  durationSeconds: number;
  /** All the free text the CRM holds for the call (body, description, notes, summary), joined. */
  text: string;
}

export interface HeldNote {
  id: string;
  targetId: string;
  body: string;
}

export interface HeldPerson {
  id: string;
  name: string;
  /** As stored. */
  phones: string[];
}

/** What the suite needs from an emulator beyond HTTP: its state, and the CRM-side events it can cause. */
export interface ConformanceEmulator {
  running: RunningEmulator;
  /** Seeds people as the CRM would hold them; returns each one's ref, in input order. */
  seed(people: readonly FixturePerson[]): Promise<RecordRef[]>;
  callLogs(): HeldCallLog[];
  notes(): HeldNote[];
  person(id: string): HeldPerson | undefined;
  /** A user edits the person in the CRM (renames it), so it shows in the change feed. */
  touch(id: string, name: string): void;
  /** A user deletes the person in the CRM. */
  remove(id: string): void;
  /** An admin revokes Parley's access: every credential the connector holds stops working. */
  revokeAccess(): void;
  close(): Promise<void>;
}

export interface Skip {
  /** Printed beside the skipped test, as Hono does: a skip without a reason is a defect. */
  reason: string;
  tests: string[];
}

export interface ConformanceTarget {
  descriptor: ConnectorDescriptor;
  /** A fresh emulator (empty CRM) and a connector pointed at it. */
  make(): Promise<{
    connector: CrmConnector;
    emulator: ConformanceEmulator;
    /** The credentials the connector holds, which no error may show. */
    secrets: string[];
  }>;
  /** Whether the CRM has leads besides contacts (Salesforce does; Attio does not: it seeds them as contacts). */
  hasLeads: boolean;
  /**
   * Requests this CRM needs to log one full batch at most (search existing + create + associate…);
   * the suite asserts the bulk case stays within it, so a connector falling back to one request per
   * call fails.
   */
  requestsPerBatch: number;
  skip?: Skip[];
}
