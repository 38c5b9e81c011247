export { type CallToPlan, FORWARD_RING_SECONDS, planCall, SPEECH_TIMEOUT_SECONDS } from './engine.ts';
export {
  deterministicMatcher,
  type IntentMatch,
  type IntentMatcher,
  type IntentPhrases,
  MATCH_THRESHOLD,
  matchIntent,
} from './intent-match.ts';
export {
  afterGather,
  childrenOf,
  type GatherAnswer,
  nextPath,
  pathsOf,
  ROOT_PATH,
  stepAt,
} from './paths.ts';
export type {
  ForwardStep,
  GatherStep,
  HangupStep,
  IntentBranch,
  MenuKey,
  Plan,
  RingStep,
  SayStep,
  Speech,
  Step,
  VoicemailStep,
} from './plan.ts';
