import type { EmuResponse } from '../../testing/emulator-server.ts';
import { recordings } from './recordings.ts';

/** An XML-RPC fault as Odoo 17's `/xmlrpc/2/*` renders it (odoo/addons/base/controllers/rpc.py). */
export class OdooFault extends Error {
  constructor(
    readonly faultCode: number,
    readonly faultString: string,
    /** The connector asked for something Odoo does not have: a bug the test must show. */
    readonly violation = false,
  ) {
    super(faultString);
  }
}

/** Code 1 carries the server's whole traceback; the connector reads its last line. */
function traceback(last: string): string {
  return [
    'Traceback (most recent call last):',
    '  File "/home/odoo/src/odoo/odoo/addons/base/controllers/rpc.py", line 163, in xmlrpc_2',
    '    response = self._xmlrpc(service)',
    '  File "/home/odoo/src/odoo/odoo/service/model.py", line 156, in retrying',
    '    result = func()',
    last,
    '',
  ].join('\n');
}

export const faults = {
  accessDenied: () => new OdooFault(3, 'Access Denied'),
  privateMethod: (method: string) =>
    new OdooFault(4, `Private methods (such as ${method}) cannot be called remotely.`, true),
  unknownModel: (model: string) => new OdooFault(2, `Object ${model} doesn't exist`, true),
  unknownMethod: (model: string, method: string) =>
    new OdooFault(
      1,
      traceback(`AttributeError: The method '${method}' does not exist on the model '${model}'`),
      true,
    ),
  invalidLeafField: (model: string, field: string, leaf: string) =>
    new OdooFault(1, traceback(`ValueError: Invalid field ${model}.${field} in leaf ${leaf}`), true),
  invalidLeaf: (leaf: string) => new OdooFault(1, traceback(`ValueError: Invalid leaf ${leaf}`), true),
  invalidField: (model: string, field: string) =>
    new OdooFault(1, traceback(`ValueError: Invalid field '${field}' on model '${model}'`), true),
  badArguments: (what: string) => new OdooFault(1, traceback(`TypeError: ${what}`), true),
  wrongSelection: (model: string, field: string, value: unknown) =>
    new OdooFault(
      1,
      traceback(`ValueError: Wrong value for ${model}.${field}: ${JSON.stringify(value)}`),
      true,
    ),
  wrongDatetime: (value: unknown) =>
    typeof value === 'string'
      ? new OdooFault(
          1,
          traceback(`ValueError: time data '${value}' does not match format '%Y-%m-%d %H:%M:%S'`),
          true,
        )
      : new OdooFault(
          1,
          traceback(
            `TypeError: object of type '${value instanceof Date ? 'DateTime' : typeof value}' has no len()`,
          ),
          true,
        ),
  mandatory: (description: string, field: string, label: string) =>
    new OdooFault(
      2,
      `The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${description} (${field}), Field: ${label} (${field})`,
      true,
    ),
  missing: (model: string, ids: number[]) =>
    new OdooFault(
      2,
      `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: 2)`,
    ),
  foreignKey: (description: string, model: string, field: string) =>
    new OdooFault(
      2,
      `The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${description} (${model}), Constraint: ${model.replace('.', '_')}_${field}_fkey`,
    ),
  uniqueCallId: () =>
    new OdooFault(2, 'The operation cannot be completed: A call with this call_id already exists.'),
  phoneSearchTooShort: () =>
    new OdooFault(2, 'Please enter at least 3 characters when searching a Phone/Mobile number.'),
  singleton: (model: string, ids: number[]) =>
    new OdooFault(1, traceback(`ValueError: Expected singleton: ${model}(${ids.join(', ')})`), true),
};

/** What Odoo.sh's nginx answers in front of the instance: an HTML page, not XML-RPC. */
export function proxyResponse(status: number, retryAfterSeconds?: number): EmuResponse {
  const sample = recordings.http.find((entry) => entry.status === status);
  const body =
    sample?.body ??
    `<html>\r\n<head><title>${status} Error</title></head>\r\n<body>\r\n<center><h1>${status} Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  const { 'retry-after': _ignored, ...headers } = sample?.headers ?? { 'content-type': 'text/html' };
  return {
    status,
    headers: {
      ...headers,
      ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
    },
    body,
  };
}
