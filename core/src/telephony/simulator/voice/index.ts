export type { CallScript, ScriptedAnswer } from './call-script.ts';
export type { CallStory, StoryRequest } from './call-session.ts';
export {
  type ApiCallOptions,
  type BrowserCallOptions,
  type InboundCallOptions,
  simulateInboundCall,
  simulateOutboundApiCall,
  simulateOutboundBrowserCall,
} from './call-simulation.ts';
export { newSid, type SidPrefix } from './sids.ts';
export { readTwiml, type TwimlElement } from './twiml-reader.ts';
