import { describe, expect, it } from 'vitest';
import { ConferenceRooms, conferenceJoinOf } from './conference-rooms.ts';
import { readTwiml } from './voice/twiml-reader.ts';

const REP = `CA${'1'.repeat(32)}`;
const CUSTOMER = `CA${'2'.repeat(32)}`;
const BOSS = `CA${'3'.repeat(32)}`;

function room() {
  const rooms = new ConferenceRooms();
  rooms.join(REP, { name: 'r', label: 'rep', muted: false, coach: null });
  rooms.join(CUSTOMER, { name: 'r', label: 'customer', muted: false, coach: null });
  rooms.join(BOSS, { name: 'r', label: 'boss', muted: true, coach: null });
  return rooms;
}

describe('simulated conference rooms', () => {
  it('lets nobody hear a muted participant, only the coached call hear a coach, everyone hear the others', () => {
    const rooms = room();
    expect(rooms.hearersOf('r', 'boss')).toEqual([]);
    rooms.update('r', 'boss', { muted: false, coach: REP });
    expect(rooms.hearersOf('r', BOSS)).toEqual(['rep']);
    rooms.update('r', BOSS, { muted: false, coach: null });
    expect(rooms.hearersOf('r', 'boss')).toEqual(['rep', 'customer']);
    expect(rooms.hearersOf('r', 'customer')).toEqual(['rep', 'boss']);
  });

  it('answers like Twilio’s 404 for a participant who is not there', () => {
    const rooms = room();
    rooms.leave('r', 'boss');
    expect(() => rooms.update('r', 'boss', { muted: true, coach: null })).toThrow(/No participant boss/);
    expect(rooms.participants('r').map((p) => p.label)).toEqual(['rep', 'customer']);
  });

  it('reads how a <Dial><Conference> joins, and refuses a document without one', () => {
    const join = conferenceJoinOf(
      readTwiml(
        `<Response><Dial><Conference participantLabel="s" muted="false" coach="${REP}">r</Conference></Dial></Response>`,
      ),
      'test',
    );
    expect(join).toEqual({ name: 'r', label: 's', muted: false, coach: REP });
    expect(() => conferenceJoinOf(readTwiml('<Response><Hangup/></Response>'), 'the hook')).toThrow(
      /the hook answered no <Dial><Conference>/,
    );
  });
});
