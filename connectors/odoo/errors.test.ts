import { describe, expect, it } from 'vitest';
import type { CrmErrorKind } from '../core/errors.ts';
import { recordings } from './emulator/recordings.ts';
import { OdooTimeoutError, toCrmError } from './errors.ts';

/** As npm `xmlrpc` builds a fault (lib/deserializer.js createFault). */
function xmlrpcFault(faultCode: number | string, faultString: string): Error {
  return Object.assign(new Error(`XML-RPC fault: ${faultString}`), {
    code: faultCode,
    faultCode,
    faultString,
  });
}

/** As npm `xmlrpc` fails on a body that is not XML-RPC: the response hangs on the error, not enumerable. */
function xmlrpcHttpFailure(status: number, headers: Record<string, string>, body: string): Error {
  const error = new Error(body.includes('<') ? "Unknown XML-RPC tag 'TITLE'" : 'Invalid XML-RPC message');
  Object.defineProperty(error, 'res', { value: { statusCode: status, headers } });
  Object.defineProperty(error, 'body', { value: body });
  return error;
}

const recorded = (name: string) => {
  const found = recordings.faults.find((fault) => fault.name === name);
  if (!found) throw new Error(`no recording ${name}`);
  return found;
};

describe('toCrmError on Odoo faults', () => {
  it.each<[string, CrmErrorKind, string]>([
    ['access-denied', 'auth', 'API key'],
    ['access-error', 'auth', 'lacks the rights'],
    ['private-method', 'auth', 'Private methods'],
    ['missing-record', 'not_found', 'no longer exists'],
    ['unknown-model', 'invalid', "Object parley.call doesn't exist"],
    ['unique-call-id', 'conflict', 'already exists'],
    ['validation-error', 'invalid', 'at least 3 characters'],
    ['unknown-method', 'invalid', "The method 'no_such_method' does not exist"],
    ['invalid-field', 'invalid', 'Invalid field res.partner.nope'],
    ['wrong-datetime', 'invalid', 'does not match format'],
    ['serialization-failure', 'conflict', 'could not serialize access'],
    ['missing-error-traceback', 'not_found', 'Record does not exist'],
    ['legacy-warning', 'not_found', 'Record does not exist'],
  ])('%s is %s and quotes Odoo', (name, kind, quoted) => {
    const { faultCode, faultString } = recorded(name);
    const error = toCrmError(xmlrpcFault(faultCode, faultString));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(quoted);
    expect(error.detail.crm).toBe('odoo');
  });

  it('shows the exception line of a traceback, not its frames', () => {
    const { faultCode, faultString } = recorded('invalid-field');
    const error = toCrmError(xmlrpcFault(faultCode, faultString));
    expect(error.message).not.toContain('Traceback');
    expect(error.message).not.toContain('rpc.py');
    expect(error.detail.vendorCode).toBe('ValueError');
  });

  it('keeps a secret out of the message even when Odoo echoes it', () => {
    const error = toCrmError(xmlrpcFault(2, 'Bad key 0123456789abcdef given'), {
      secrets: ['0123456789abcdef'],
    });
    expect(error.message).not.toContain('0123456789abcdef');
  });
});

describe('toCrmError on proxy answers', () => {
  it.each<[string, CrmErrorKind]>([
    ['odoo-sh-429', 'rate_limited'],
    ['odoo-sh-502', 'unavailable'],
    ['odoo-503', 'unavailable'],
  ])('%s is %s', (name, kind) => {
    const sample = recordings.http.find((entry) => entry.name === name);
    if (!sample) throw new Error(`no recording ${name}`);
    const error = toCrmError(xmlrpcHttpFailure(sample.status, sample.headers, sample.body));
    expect(error.kind).toBe(kind);
    expect(error.detail.status).toBe(sample.status);
  });

  it('carries the 429 Retry-After as milliseconds', () => {
    const error = toCrmError(xmlrpcHttpFailure(429, { 'retry-after': '120' }, '<html></html>'));
    expect(error.detail.retryAfterMs).toBe(120_000);
  });

  it('a 404 says the address is wrong', () => {
    const error = toCrmError(xmlrpcHttpFailure(404, {}, 'Not Found'));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('address');
  });
});

describe('toCrmError on transport failures', () => {
  it.each([
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a timeout', new OdooTimeoutError('no answer within 30 s')],
  ])('%s is unavailable', (_name, failure) => {
    expect(toCrmError(failure).kind).toBe('unavailable');
  });
});
