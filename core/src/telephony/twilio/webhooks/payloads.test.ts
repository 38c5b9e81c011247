import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CarrierError } from '../../errors.ts';
import { TWILIO_SPEC_PATH } from '../emulator/spec.ts';
import { formBody, parseForm } from './form.ts';
import {
  CALL_DIRECTIONS,
  CALL_STATUSES,
  callStatusCallbackSchema,
  dialActionSchema,
  gatherActionSchema,
  parseWebhook,
  RECORDING_SOURCES,
  RECORDING_STATUSES,
  recordingStatusCallbackSchema,
  TRANSCRIPTION_STATUSES,
  transcriptionCallbackSchema,
  voiceWebhookSchema,
} from './payloads.ts';

const ACCOUNT = `AC${'0a'.repeat(16)}`;
const CALL = `CA${'1b'.repeat(16)}`;
const CHILD = `CA${'2c'.repeat(16)}`;
const RECORDING = `RE${'3d'.repeat(16)}`;
const TRANSCRIPTION = `TR${'4e'.repeat(16)}`;
const APP = `AP${'5f'.repeat(16)}`;

/** What an Express urlencoded parser hands the route: the body Twilio posted, decoded. */
function received(params: Record<string, string>) {
  return parseForm(formBody(params));
}

const inbound = {
  Called: '+33187654321',
  ToState: '',
  CallerCountry: 'FR',
  Direction: 'inbound',
  CallerState: '',
  ToZip: '',
  CallSid: CALL,
  To: '+33187654321',
  CallerZip: '',
  ToCountry: 'FR',
  CallToken: '%7B%22parentCallInfoToken%22%3A%22eyJ%22%7D',
  CalledZip: '',
  ApiVersion: '2010-04-01',
  CalledCity: '',
  CallStatus: 'ringing',
  From: '+33612345678',
  AccountSid: ACCOUNT,
  CalledCountry: 'FR',
  CallerCity: '',
  ToCity: '',
  FromCountry: 'FR',
  Caller: '+33612345678',
  FromCity: '',
  CalledState: '',
  FromZip: '',
  FromState: '',
};

const spec = JSON.parse(readFileSync(TWILIO_SPEC_PATH, 'utf8')) as {
  components: {
    schemas: Record<string, { enum?: string[]; properties?: Record<string, { description?: string }> }>;
  };
};

function specEnum(name: string): string[] {
  const values = spec.components.schemas[name]?.enum;
  if (!values) throw new Error(`${name} is not an enum in the Twilio spec`);
  return values;
}

describe("enums match Twilio's OpenAPI file", () => {
  it('call statuses are call_enum_status', () => {
    expect([...CALL_STATUSES].sort()).toEqual(specEnum('call_enum_status').sort());
  });

  it("call directions are the ones the spec's call.direction describes", () => {
    const description =
      spec.components.schemas['api.v2010.account.call']?.properties?.direction?.description ?? '';
    const named = [...description.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]);
    expect([...CALL_DIRECTIONS].sort()).toEqual([...new Set(named)].sort());
  });

  it('recording statuses are recording_enum_status plus the undocumented failed', () => {
    expect(RECORDING_STATUSES.filter((status) => status !== 'failed').sort()).toEqual(
      specEnum('recording_enum_status').sort(),
    );
  });

  it('recording sources are recording_enum_source', () => {
    expect([...RECORDING_SOURCES].sort()).toEqual(specEnum('recording_enum_source').sort());
  });

  it('transcription statuses are transcription_enum_status', () => {
    expect([...TRANSCRIPTION_STATUSES].sort()).toEqual(specEnum('transcription_enum_status').sort());
  });

  it('every SID checked here has the pattern the spec gives it', () => {
    const text = readFileSync(TWILIO_SPEC_PATH, 'utf8');
    for (const prefix of ['AC', 'CA', 'RE', 'TR', 'AP']) {
      expect(text, prefix).toContain(`"^${prefix}[0-9a-fA-F]{32}$"`);
    }
  });
});

describe('voiceWebhookSchema', () => {
  it('reads an inbound call and keeps the fields it does not name', () => {
    const call = parseWebhook(voiceWebhookSchema, received(inbound), 'voice webhook');
    expect(call).toMatchObject({
      AccountSid: ACCOUNT,
      CallSid: CALL,
      From: '+33612345678',
      To: '+33187654321',
      CallStatus: 'ringing',
      Direction: 'inbound',
      Caller: '+33612345678',
      Called: '+33187654321',
      ApiVersion: '2010-04-01',
    });
    expect(call.FromCountry).toBe('FR');
    expect(call.CallToken).toBe(inbound.CallToken);
  });

  it("reads a browser dialer's call with its ApplicationSid and device.connect params", () => {
    const call = parseWebhook(
      voiceWebhookSchema,
      received({
        AccountSid: ACCOUNT,
        ApiVersion: '2010-04-01',
        ApplicationSid: APP,
        CallSid: CALL,
        CallStatus: 'ringing',
        Called: '',
        Caller: 'client:m_0f8fad5bd9cb469fa16570867728950e',
        Direction: 'inbound',
        From: 'client:m_0f8fad5bd9cb469fa16570867728950e',
        To: '+14155550100',
        contextType: 'hubspot.contact',
        contextId: '901',
      }),
      'voice webhook',
    );
    expect(call.ApplicationSid).toBe(APP);
    expect(call.Called).toBeUndefined();
    expect(call).toMatchObject({ contextType: 'hubspot.contact', contextId: '901' });
  });

  it('accepts SIDs in either hex case, as the spec pattern does', () => {
    const call = parseWebhook(
      voiceWebhookSchema,
      { ...inbound, CallSid: CALL.toUpperCase() },
      'voice webhook',
    );
    expect(call.CallSid).toBe(CALL.toUpperCase());
  });

  it('refuses a body without CallSid, naming the field', () => {
    const { CallSid: _, ...body } = inbound;
    expect(() => parseWebhook(voiceWebhookSchema, body, 'voice webhook')).toThrow(/voice webhook.*CallSid/);
  });

  it('refuses malformed SIDs, unknown statuses and directions, and repeated fields', () => {
    const bad: [string, unknown][] = [
      ['AccountSid', 'AC123'],
      ['CallSid', `CAsim${'0'.repeat(29)}`],
      ['ParentCallSid', RECORDING],
      ['CallStatus', 'answered'],
      ['Direction', 'outbound'],
      ['From', ['+33612345678', '+33612345679']],
    ];
    for (const [field, value] of bad) {
      let error: unknown;
      try {
        parseWebhook(voiceWebhookSchema, { ...inbound, [field]: value }, 'voice webhook');
      } catch (caught) {
        error = caught;
      }
      expect(error, field).toBeInstanceOf(CarrierError);
      expect(error).toMatchObject({ kind: 'invalid', message: expect.stringContaining(field) });
    }
  });
});

describe('callStatusCallbackSchema', () => {
  const completed = {
    ...inbound,
    CallStatus: 'completed',
    CallbackSource: 'call-progress-events',
    SequenceNumber: '3',
    Timestamp: 'Tue, 10 Mar 2026 14:03:07 +0000',
    CallDuration: '42',
    Duration: '1',
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/${RECORDING}`,
    RecordingSid: RECORDING,
    RecordingDuration: '40',
  };

  it('turns the sequence number, timestamp and durations into numbers and a Date', () => {
    const status = parseWebhook(callStatusCallbackSchema, received(completed), 'call status callback');
    expect(status).toMatchObject({
      CallStatus: 'completed',
      CallbackSource: 'call-progress-events',
      SequenceNumber: 3,
      CallDuration: 42,
      RecordingSid: RECORDING,
      RecordingDuration: 40,
    });
    expect(status.Timestamp).toEqual(new Date('2026-03-10T14:03:07Z'));
    expect(status.Duration).toBe('1');
  });

  it('reads the timestamp offset and the GMT spelling', () => {
    const at = (Timestamp: string) =>
      parseWebhook(callStatusCallbackSchema, { ...completed, Timestamp }, 'call status callback').Timestamp;
    expect(at('10 Mar 2026 16:03:07 +0200')).toEqual(new Date('2026-03-10T14:03:07Z'));
    expect(at('Tue, 10 Mar 2026 14:03:07 GMT')).toEqual(new Date('2026-03-10T14:03:07Z'));
  });

  it('reads a child leg with its parent and the answering machine verdict', () => {
    const status = parseWebhook(
      callStatusCallbackSchema,
      {
        ...completed,
        CallSid: CHILD,
        ParentCallSid: CALL,
        Direction: 'outbound-dial',
        AnsweredBy: 'machine_start',
      },
      'call status callback',
    );
    expect(status).toMatchObject({ CallSid: CHILD, ParentCallSid: CALL, AnsweredBy: 'machine_start' });
  });

  it('treats blank optional values as absent', () => {
    const status = parseWebhook(
      callStatusCallbackSchema,
      { ...completed, CallDuration: '', RecordingSid: '', SequenceNumber: '' },
      'call status callback',
    );
    expect(status.CallDuration).toBeUndefined();
    expect(status.RecordingSid).toBeUndefined();
    expect(status.SequenceNumber).toBeUndefined();
  });

  it('refuses timestamps that are not RFC 2822 and counts that are not whole numbers', () => {
    for (const change of [
      { Timestamp: '2026' },
      { Timestamp: '2026-03-10T14:03:07Z' },
      { Timestamp: 'Tue, 10 Mar 2026 25:03:07 +0000' },
      { SequenceNumber: '-1' },
      { SequenceNumber: '1.5' },
      { CallDuration: 'forty' },
    ]) {
      expect(
        () => parseWebhook(callStatusCallbackSchema, { ...completed, ...change }, 'call status callback'),
        JSON.stringify(change),
      ).toThrow(CarrierError);
    }
  });
});

describe('dialActionSchema', () => {
  it('reads the outcome of the dial with the bridged flag and the child leg', () => {
    const dial = parseWebhook(
      dialActionSchema,
      received({
        ...inbound,
        CallStatus: 'in-progress',
        DialCallStatus: 'completed',
        DialCallSid: CHILD,
        DialCallDuration: '63',
        DialBridged: 'true',
      }),
      'dial action',
    );
    expect(dial).toMatchObject({
      DialCallStatus: 'completed',
      DialCallSid: CHILD,
      DialCallDuration: 63,
      DialBridged: true,
    });
  });

  it('reads an unanswered dial, which has no child duration', () => {
    const dial = parseWebhook(
      dialActionSchema,
      { ...inbound, CallStatus: 'in-progress', DialCallStatus: 'no-answer', DialBridged: 'false' },
      'dial action',
    );
    expect(dial).toMatchObject({ DialCallStatus: 'no-answer', DialBridged: false });
    expect(dial.DialCallDuration).toBeUndefined();
  });

  it('refuses an unknown dial status and a flag that is not true or false', () => {
    expect(() =>
      parseWebhook(dialActionSchema, { ...inbound, DialCallStatus: 'ringing' }, 'dial action'),
    ).toThrow(/DialCallStatus/);
    expect(() =>
      parseWebhook(
        dialActionSchema,
        { ...inbound, DialCallStatus: 'completed', DialBridged: 'yes' },
        'dial action',
      ),
    ).toThrow(/DialBridged/);
  });
});

describe('gatherActionSchema', () => {
  it('reads pressed digits', () => {
    const gather = parseWebhook(
      gatherActionSchema,
      { ...inbound, CallStatus: 'in-progress', Digits: '2' },
      'gather action',
    );
    expect(gather.Digits).toBe('2');
    expect(gather.SpeechResult).toBeUndefined();
  });

  it('reads speech with its confidence as a number', () => {
    const gather = parseWebhook(
      gatherActionSchema,
      received({
        ...inbound,
        CallStatus: 'in-progress',
        SpeechResult: 'Le service commercial, s’il vous plaît.',
        Confidence: '0.9216',
      }),
      'gather action',
    );
    expect(gather).toMatchObject({
      SpeechResult: 'Le service commercial, s’il vous plaît.',
      Confidence: 0.9216,
    });
  });

  it('reads a silent timeout as neither digits nor speech', () => {
    const gather = parseWebhook(
      gatherActionSchema,
      { ...inbound, CallStatus: 'in-progress' },
      'gather action',
    );
    expect(gather.Digits).toBeUndefined();
    expect(gather.SpeechResult).toBeUndefined();
  });

  it('refuses a confidence outside 0 to 1', () => {
    for (const Confidence of ['1.5', '-0.2', 'high']) {
      expect(
        () => parseWebhook(gatherActionSchema, { ...inbound, Confidence }, 'gather action'),
        Confidence,
      ).toThrow(/Confidence/);
    }
  });
});

describe('recordingStatusCallbackSchema', () => {
  const recording = {
    AccountSid: ACCOUNT,
    CallSid: CALL,
    RecordingSid: RECORDING,
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/${RECORDING}`,
    RecordingStatus: 'completed',
    RecordingDuration: '118',
    RecordingChannels: '2',
    RecordingSource: 'DialVerb',
    RecordingStartTime: 'Tue, 10 Mar 2026 14:01:09 +0000',
    RecordingTrack: 'both',
  };

  it('reads a completed dual-channel recording', () => {
    const result = parseWebhook(
      recordingStatusCallbackSchema,
      received(recording),
      'recording status callback',
    );
    expect(result).toMatchObject({
      RecordingStatus: 'completed',
      RecordingDuration: 118,
      RecordingChannels: 2,
      RecordingSource: 'DialVerb',
    });
  });

  it('reads an absent recording with its error code', () => {
    const { RecordingDuration: _, ...absent } = recording;
    const result = parseWebhook(
      recordingStatusCallbackSchema,
      { ...absent, RecordingStatus: 'absent', ErrorCode: '16101' },
      'recording status callback',
    );
    expect(result).toMatchObject({ RecordingStatus: 'absent', ErrorCode: 16101 });
    expect(result.RecordingDuration).toBeUndefined();
  });

  it('reads a recording that failed encryption', () => {
    const result = parseWebhook(
      recordingStatusCallbackSchema,
      { ...recording, RecordingStatus: 'failed' },
      'recording status callback',
    );
    expect(result.RecordingStatus).toBe('failed');
  });

  it('refuses an unknown status, source or channel count', () => {
    for (const [field, value] of [
      ['RecordingStatus', 'done'],
      ['RecordingSource', 'Magic'],
      ['RecordingChannels', '3'],
    ] as const) {
      expect(
        () =>
          parseWebhook(
            recordingStatusCallbackSchema,
            { ...recording, [field]: value },
            'recording status callback',
          ),
        field,
      ).toThrow(field);
    }
  });
});

describe('transcriptionCallbackSchema', () => {
  const transcription = {
    ...inbound,
    TranscriptionSid: TRANSCRIPTION,
    TranscriptionText: 'Hello, this is Alice, please call me back.',
    TranscriptionStatus: 'completed',
    TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Transcriptions/${TRANSCRIPTION}`,
    RecordingSid: RECORDING,
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/${RECORDING}`,
  };

  it('reads a completed transcription with its recording', () => {
    const result = parseWebhook(
      transcriptionCallbackSchema,
      received(transcription),
      'transcription callback',
    );
    expect(result).toMatchObject({
      TranscriptionSid: TRANSCRIPTION,
      TranscriptionText: 'Hello, this is Alice, please call me back.',
      TranscriptionStatus: 'completed',
      RecordingSid: RECORDING,
    });
  });

  it('reads a failed transcription, which has no text', () => {
    const { TranscriptionText: _, ...failed } = transcription;
    const result = parseWebhook(
      transcriptionCallbackSchema,
      { ...failed, TranscriptionStatus: 'failed' },
      'transcription callback',
    );
    expect(result.TranscriptionStatus).toBe('failed');
    expect(result.TranscriptionText).toBeUndefined();
  });

  it('refuses a transcription without its recording', () => {
    const { RecordingSid: _, ...orphan } = transcription;
    expect(() => parseWebhook(transcriptionCallbackSchema, orphan, 'transcription callback')).toThrow(
      /RecordingSid/,
    );
  });
});
