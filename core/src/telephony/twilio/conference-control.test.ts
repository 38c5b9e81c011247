import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioConferenceControl } from './conference-control.ts';
import { newConference } from './emulator/live-calls.ts';
import { startTwilioEmulator, type TwilioEmulator } from './emulator/server.ts';

const REP = `CA${'1'.repeat(32)}`;
const CUSTOMER = `CA${'2'.repeat(32)}`;
const SUPERVISOR = `CA${'3'.repeat(32)}`;

/** The real `twilio` client against the emulator, which checks every request against Twilio's spec. */
describe('live listening on Twilio: Calls and Conference Participants', () => {
  let emulator: TwilioEmulator;
  const control = () =>
    twilioConferenceControl(
      { accountSid: emulator.accountSid, authToken: emulator.authToken },
      { apiBaseUrl: emulator.url },
    );

  beforeAll(async () => {
    emulator = await startTwilioEmulator();
    emulator.live.conferences.push(
      newConference('parley-call-1', [
        { callSid: REP, label: 'rep', muted: false, coaching: false, callSidToCoach: null },
        { callSid: CUSTOMER, label: 'customer', muted: false, coaching: false, callSidToCoach: null },
        { callSid: SUPERVISOR, label: 'supervisor-s1', muted: true, coaching: false, callSidToCoach: null },
      ]),
    );
  });
  afterAll(() => emulator?.close());

  const supervisor = () =>
    emulator.live.conferences[0]?.participants.find((p) => p.label === 'supervisor-s1');

  it('calls the supervisor’s dialer with the join TwiML’s URL', async () => {
    const { sid } = await control().addSupervisor({
      from: '+33199000000',
      to: 'client:m_1',
      url: 'https://parley.example/webhooks/twilio/supervise?call=c&supervision=s',
    });
    const placed = emulator.state.calls.find((c) => c.sid === sid);
    expect(placed?.form).toMatchObject({
      To: 'client:m_1',
      Url: 'https://parley.example/webhooks/twilio/supervise?call=c&supervision=s',
      Method: 'POST',
    });
  });

  it('whispers by making the supervisor the coach of the rep’s call, found by label', async () => {
    await control().update({
      conference: 'parley-call-1',
      participant: 'supervisor-s1',
      muted: false,
      coach: REP,
    });
    expect(supervisor()).toMatchObject({ muted: false, coaching: true, callSidToCoach: REP });
  });

  it('barges in by ending the coaching, unmuted; listens by muting', async () => {
    await control().update({
      conference: 'parley-call-1',
      participant: 'supervisor-s1',
      muted: false,
      coach: null,
    });
    expect(supervisor()).toMatchObject({ muted: false, coaching: false, callSidToCoach: null });
    await control().update({
      conference: 'parley-call-1',
      participant: 'supervisor-s1',
      muted: true,
      coach: null,
    });
    expect(supervisor()).toMatchObject({ muted: true, coaching: false });
  });

  it('removes the supervisor only', async () => {
    await control().remove({ conference: 'parley-call-1', participant: 'supervisor-s1' });
    expect(emulator.live.conferences[0]?.participants.map((p) => p.label)).toEqual(['rep', 'customer']);
  });

  it('says the call has ended when its conference is gone', async () => {
    await expect(
      control().update({
        conference: 'parley-call-2',
        participant: 'supervisor-s1',
        muted: true,
        coach: null,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('sends only requests Twilio’s spec allows', () => {
    expect(emulator.violations()).toEqual([]);
  });
});
