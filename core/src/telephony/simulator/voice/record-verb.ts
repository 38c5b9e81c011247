import type { CallSession, VerbOutcome } from './call-session.ts';
import { postRecordingStatus, type RecordingReport, recordingUrl } from './recording-callbacks.ts';
import { newSid } from './sids.ts';
import { listAttribute, secondsAttribute, urlAttribute } from './twiml-attributes.ts';
import type { TwimlElement } from './twiml-reader.ts';

const DEFAULT_MAX_LENGTH_SECONDS = 3600;

/**
 * <Record>: the caller leaves the scripted voicemail and hangs up (unless maxLength cuts them
 * off first). Twilio requests the action at once (default: the document's own URL), then the
 * recording and transcription callbacks once processed; with the caller gone, the action's
 * TwiML is ignored. Without a scripted voicemail the caller stays silent and the action gets
 * RecordingDuration=0.
 */
export async function playRecord(
  session: CallSession,
  verb: TwimlElement,
  documentUrl: string,
): Promise<VerbOutcome> {
  session.markAnswered();
  const action = urlAttribute(verb, 'action', documentUrl) ?? documentUrl;
  const recordingCallback = urlAttribute(verb, 'recordingStatusCallback', documentUrl);
  const recordingEvents = listAttribute(verb, 'recordingStatusCallbackEvent', ['completed']);
  session.line(verb.attributes.playBeep === 'false' ? 'Record' : 'Record: beep');

  const voicemail = session.script.takeVoicemail();
  if (!voicemail) {
    const timeout = secondsAttribute(verb, 'timeout', 5);
    if (!session.clock.wait(timeout)) return session.callerHungUp();
    session.line(`Caller says nothing for ${timeout} s: no recording`);
    const document = await session.fetchDocument(action, { ...session.callParams(), RecordingDuration: '0' });
    if (recordingCallback && recordingEvents.includes('absent')) {
      await postRecordingStatus(session, recordingCallback, {
        sid: newSid('RE'),
        status: 'absent',
        seconds: 0,
        channels: 1,
        source: 'RecordVerb',
        startedAt: new Date(session.clock.now().getTime() - timeout * 1000),
      });
    }
    return { kind: 'document', document };
  }

  const maxLength = secondsAttribute(verb, 'maxLength', DEFAULT_MAX_LENGTH_SECONDS);
  const startedAt = session.clock.now();
  const start = session.clock.elapsed;
  const saidAll = session.clock.wait(Math.min(voicemail.seconds, maxLength));
  const recording: RecordingReport = {
    sid: newSid('RE'),
    status: 'completed',
    seconds: session.clock.elapsed - start,
    channels: 1,
    source: 'RecordVerb',
    startedAt,
  };
  if (!saidAll) session.callerHungUp();
  else if (voicemail.seconds > maxLength) session.line(`Caller is cut off after ${maxLength} s`);
  else {
    session.line(`Caller leaves a ${recording.seconds} s message and hangs up`);
    session.clock.hangUp();
  }

  const url = recordingUrl(session, recording.sid);
  const document = await session.fetchDocument(action, {
    ...session.callParams(),
    RecordingUrl: url,
    RecordingSid: recording.sid,
    RecordingDuration: String(recording.seconds),
    ...(session.clock.callerHungUp ? { Digits: 'hangup' } : {}),
  });
  if (recordingCallback && recordingEvents.includes('completed')) {
    await postRecordingStatus(session, recordingCallback, recording);
  }
  const transcribeCallback = urlAttribute(verb, 'transcribeCallback', documentUrl);
  if (transcribeCallback) {
    const transcriptionSid = newSid('TR');
    const { transcript } = voicemail;
    if (transcript !== undefined) session.line(`Transcript: « ${transcript} »`);
    await session.post(
      transcribeCallback,
      {
        ...session.callParams(),
        RecordingSid: recording.sid,
        RecordingUrl: url,
        TranscriptionSid: transcriptionSid,
        TranscriptionStatus: transcript === undefined ? 'failed' : 'completed',
        ...(transcript === undefined ? {} : { TranscriptionText: transcript }),
        TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${session.setup.accountSid}/Transcriptions/${transcriptionSid}`,
      },
      `transcription ${transcript === undefined ? 'failed' : 'completed'}`,
    );
  }
  if (session.clock.callerHungUp) {
    session.line('Twilio ignores the TwiML of the action: the caller has hung up');
    return { kind: 'end', end: 'caller-hung-up' };
  }
  return { kind: 'document', document };
}
