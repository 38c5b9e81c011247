import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioEmulator, type TwilioEmulator } from './emulator/server.ts';
import { twilioRecordings } from './recordings.ts';

const RECORDING = `RE${'4'.repeat(32)}`;

describe('deleting a recording at Twilio', () => {
  let emulator: TwilioEmulator;
  const recordings = () =>
    twilioRecordings(
      { accountSid: emulator.accountSid, authToken: emulator.authToken },
      { apiBaseUrl: emulator.url },
    );

  beforeAll(async () => {
    emulator = await startTwilioEmulator();
    emulator.live.recordings.add(RECORDING);
  });
  afterAll(() => emulator?.close());

  it('deletes the recording resource', async () => {
    await recordings().remove(RECORDING);
    expect(emulator.live.recordings.has(RECORDING)).toBe(false);
  });

  it('reports a recording already gone as not found, which retention counts as deleted', async () => {
    await expect(recordings().remove(RECORDING)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('sends only requests Twilio’s spec allows', () => {
    expect(emulator.violations()).toEqual([]);
  });
});
