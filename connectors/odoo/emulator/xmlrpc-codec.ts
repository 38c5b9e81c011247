/// <reference path="./xmlrpc-lib.d.ts" />
import { Readable } from 'node:stream';
import Deserializer from 'xmlrpc/lib/deserializer.js';
import { serializeFault, serializeMethodResponse } from 'xmlrpc/lib/serializer.js';

export interface MethodCall {
  method: string;
  params: unknown[];
}

export function decodeCall(rawBody: string): Promise<MethodCall> {
  return new Promise((resolve, reject) => {
    let done = false;
    new Deserializer().deserializeMethodCall(Readable.from([rawBody]), (error, method, params) => {
      if (done) return;
      done = true;
      if (error) reject(error);
      else resolve({ method, params });
    });
  });
}

/** Odoo dumps answers with allow_none=False: a None is a fault there, so it is a bug here (research §0.4). */
export function encodeResult(value: unknown): string {
  if (value === null || value === undefined)
    throw new TypeError('cannot marshal None unless allow_none is enabled');
  return serializeMethodResponse(value);
}

export const encodeFault = (faultCode: number, faultString: string) =>
  serializeFault({ faultCode, faultString });
