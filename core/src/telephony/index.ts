import type { Carrier } from './carrier.ts';
import { createSimulatorCarrier } from './simulator/simulator-carrier.ts';
import {
  createTwilioCarrier,
  type TwilioCarrierOptions,
  type TwilioCredentials,
} from './twilio/twilio-carrier.ts';

export type {
  AvailableNumber,
  BuyRequest,
  Carrier,
  CarrierIdentity,
  CarrierKind,
  NumberSearch,
  NumberType,
  OwnedNumber,
} from './carrier.ts';
export { CarrierError, type CarrierErrorDetail, type CarrierErrorKind, isCarrierError } from './errors.ts';
export type { TwilioCarrierOptions, TwilioCredentials } from './twilio/twilio-carrier.ts';

/** Twilio when credentials are given, the simulator otherwise: Parley runs without a Twilio account. */
export function createCarrier(creds: TwilioCredentials | null, options?: TwilioCarrierOptions): Carrier {
  return creds ? createTwilioCarrier(creds, options) : createSimulatorCarrier();
}
