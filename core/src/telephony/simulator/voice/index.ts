export type { CallScript, ScriptedAnswer } from './call-script.ts';
export type { CallStory, SimulatedRecordings, StoryRequest } from './call-session.ts';
export {
  type ApiCallOptions,
  type BrowserCallOptions,
  type InboundCallOptions,
  simulateInboundCall,
  simulateOutboundApiCall,
  simulateOutboundBrowserCall,
} from './call-simulation.ts';
export { type DeviceAction, type DeviceSignal, httpDeviceSignal } from './device-signal.ts';
export { type RecordingHost, startRecordingHost } from './recording-host.ts';
export { newSid, type SidPrefix } from './sids.ts';
export { readTwiml, type TwimlElement } from './twiml-reader.ts';
