import type { CallSession } from './call-session.ts';
import { rfc2822 } from './simulated-clock.ts';

export interface RecordingReport {
  sid: string;
  status: 'completed' | 'absent';
  seconds: number;
  channels: 1 | 2;
  source: 'DialVerb' | 'RecordVerb';
  startedAt: Date;
}

/** Where Twilio keeps a recording; the simulator serves audio only for calls given `recordings`. */
export function recordingUrl(session: CallSession, recordingSid: string): string {
  const { accountSid, authToken, recordings } = session.setup;
  if (recordings)
    return recordings.host.keep({ accountSid, authToken, sid: recordingSid, audio: recordings.audio });
  return `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}`;
}

/** A recordingStatusCallback. CallSid is the parent call's, whichever leg was recorded. */
export async function postRecordingStatus(
  session: CallSession,
  url: string,
  recording: RecordingReport,
): Promise<void> {
  await session.post(
    url,
    {
      AccountSid: session.setup.accountSid,
      CallSid: session.callSid,
      // 16102: the recording was silent, Twilio's reason for `absent`.
      ErrorCode: recording.status === 'absent' ? '16102' : '0',
      RecordingChannels: String(recording.channels),
      RecordingDuration: String(recording.seconds),
      RecordingSid: recording.sid,
      RecordingSource: recording.source,
      RecordingStartTime: rfc2822(recording.startedAt),
      RecordingStatus: recording.status,
      RecordingUrl: recordingUrl(session, recording.sid),
    },
    `recording ${recording.status}`,
  );
}
