// The halves of npm `xmlrpc` its main entry does not export (nor type); the emulator decodes calls and
// encodes answers with the same code the client uses, so both ends agree on the wire format.
declare module 'xmlrpc/lib/deserializer.js' {
  import type { Readable } from 'node:stream';

  class Deserializer {
    constructor(encoding?: string);
    deserializeMethodCall(
      stream: Readable,
      callback: (error: Error | null, method: string, params: unknown[]) => void,
    ): void;
  }
  export = Deserializer;
}

declare module 'xmlrpc/lib/serializer.js' {
  export function serializeMethodResponse(value: unknown): string;
  export function serializeFault(fault: { faultCode: number; faultString: string }): string;
}
