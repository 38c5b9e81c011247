import type { CarrierRecording } from '../../recordings/fetch-audio.ts';
import type { Services } from '../../services.ts';

/** Where an account's recordings are fetched from and with which credentials: its carrier's. */
export function carrierRecordingAccess(
  services: Pick<Services, 'carrierFor' | 'webhookCredentialsFor'>,
): (account: { carrierCredentials: string | null }) => Omit<CarrierRecording, 'url'> {
  return (account) => ({
    carrier: services.carrierFor(account).kind,
    ...services.webhookCredentialsFor(account),
  });
}
