import { describe, expect, it } from 'vitest';
import { readTwiml } from '../../simulator/voice/twiml-reader.ts';
import { renderConferenceParty, renderSupervisorJoin } from './conference.ts';

const REP = `CA${'a'.repeat(32)}`;
const base = { name: 'parley-c1' };

function conferenceOf(xml: string) {
  const dial = readTwiml(xml).children[0];
  expect(dial?.name).toBe('Dial');
  const conference = dial?.children[0];
  expect(conference?.name).toBe('Conference');
  return conference as NonNullable<typeof conference>;
}

describe('conference TwiML for live listening', () => {
  it('joins a listening supervisor muted, without a beep, leaving the call running when they leave', () => {
    const conference = conferenceOf(
      renderSupervisorJoin({ ...base, label: 'supervisor-s1', muted: true, coach: null }),
    );
    expect(conference.text).toBe('parley-c1');
    expect(conference.attributes).toMatchObject({
      muted: 'true',
      beep: 'false',
      startConferenceOnEnter: 'false',
      endConferenceOnExit: 'false',
      participantLabel: 'supervisor-s1',
    });
    expect(conference.attributes.coach).toBeUndefined();
  });

  it('joins a whispering supervisor as the coach of the rep’s leg', () => {
    const conference = conferenceOf(
      renderSupervisorJoin({ ...base, label: 'supervisor-s1', muted: false, coach: REP }),
    );
    expect(conference.attributes).toMatchObject({ muted: 'false', coach: REP });
  });

  it('ends the conference when the rep or the customer leaves, as a two-party call would', () => {
    const conference = conferenceOf(renderConferenceParty({ ...base, label: 'rep' }));
    expect(conference.attributes).toMatchObject({
      participantLabel: 'rep',
      startConferenceOnEnter: 'true',
      endConferenceOnExit: 'true',
    });
  });
});
