import type { Logger } from 'pino';
import type { Services } from '../../services.ts';
import type { Summariser } from '../summary/port.ts';
import type { Transcriber } from '../transcription/port.ts';
import { carrierRecordingAccess } from './carrier-access.ts';
import { type AiWorker, startAiWorker } from './worker.ts';

/** This instance's share of the call pipeline, with the providers the configuration chose. */
export function startCallPipeline(
  services: Services,
  providers: { transcriber: Transcriber; summariser: Summariser },
  log: Logger,
): AiWorker {
  log.info(
    { transcriber: providers.transcriber.name, summariser: providers.summariser.name },
    'call pipeline running',
  );
  return startAiWorker({
    db: services.db,
    ...providers,
    carrierFor: carrierRecordingAccess(services),
    log,
  });
}
