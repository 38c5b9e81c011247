import { describe, expect, it } from 'vitest';
import { createSpecChecker, loadTwilioSpec } from './spec.ts';

const tiny = createSpecChecker({
  paths: {
    '/Things/{Sid}.json': {
      get: {
        parameters: [
          { name: 'Sid', in: 'path', schema: { pattern: '^TH[0-9]+$' } },
          { name: 'PageSize', in: 'query' },
        ],
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } } },
        },
      },
      delete: { responses: { '204': { description: 'deleted' } } },
    },
    '/Things/Special.json': { get: { responses: { '200': { description: 'no body' } } } },
    '/Things.json': {
      post: {
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: { required: ['Name'], properties: { Name: {}, Color: {} } },
            },
          },
        },
        responses: {
          '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/thing' } } } },
        },
      },
    },
  },
  components: {
    schemas: { thing: { allOf: [{ properties: { sid: {} } }, { properties: { name: {} } }] } },
  },
});

const none = new URLSearchParams();

describe('spec checker', () => {
  it('accepts a request and response that keep to the spec', () => {
    const request = {
      method: 'GET',
      path: '/Things/TH1.json',
      query: new URLSearchParams('PageSize=5'),
      form: none,
    };
    expect(tiny.checkRequest(request)).toEqual([]);
    expect(tiny.checkResponse({ ...request, status: 200, body: { sid: 'TH1', name: 'x' } })).toEqual([]);
  });

  it('fails a path or method the spec does not have', () => {
    expect(tiny.checkRequest({ method: 'GET', path: '/Nope.json', query: none, form: none })).toEqual([
      'GET /Nope.json is not in the Twilio spec',
    ]);
    expect(
      tiny.checkRequest({ method: 'PUT', path: '/Things/TH1.json', query: none, form: none }),
    ).toHaveLength(1);
  });

  it('prefers the literal path over a template that also matches', () => {
    expect(
      tiny.checkResponse({ method: 'GET', path: '/Things/Special.json', status: 200, body: undefined }),
    ).toEqual([]);
  });

  it('fails undeclared query and form parameters, missing required ones and bad path values', () => {
    expect(
      tiny.checkRequest({
        method: 'GET',
        path: '/Things/XX1.json',
        query: new URLSearchParams('Limit=5'),
        form: none,
      }),
    ).toEqual([
      'GET /Things/{Sid}.json: path parameter Sid="XX1" does not match ^TH[0-9]+$',
      'GET /Things/{Sid}.json: query parameter "Limit" is not in the Twilio spec',
    ]);
    expect(
      tiny.checkRequest({
        method: 'POST',
        path: '/Things.json',
        query: none,
        form: new URLSearchParams('Colour=red'),
      }),
    ).toEqual([
      'POST /Things.json: form parameter "Colour" is not in the Twilio spec',
      'POST /Things.json: form parameter "Name" is required',
    ]);
    expect(
      tiny.checkRequest({
        method: 'DELETE',
        path: '/Things/TH1.json',
        query: none,
        form: new URLSearchParams('a=1'),
      }),
    ).toEqual(['DELETE /Things/{Sid}.json takes no form body in the Twilio spec']);
  });

  it('fails response keys the schema does not declare, following $ref and allOf', () => {
    expect(
      tiny.checkResponse({
        method: 'POST',
        path: '/Things.json',
        status: 201,
        body: { sid: 'TH1', name: 'x', colour: 'red' },
      }),
    ).toEqual(['POST /Things.json: response key "colour" is not in the Twilio spec']);
  });

  it('fails success statuses the spec does not declare but lets error statuses through', () => {
    expect(tiny.checkResponse({ method: 'POST', path: '/Things.json', status: 200, body: {} })).toEqual([
      'POST /Things.json: status 200 is not in the Twilio spec',
    ]);
    expect(
      tiny.checkResponse({ method: 'POST', path: '/Things.json', status: 400, body: { code: 21422 } }),
    ).toEqual([]);
  });

  it('reads Twilio’s published spec and knows the endpoints the carrier uses', () => {
    const twilio = loadTwilioSpec();
    const account = 'AC0123456789abcdef0123456789abcdef';
    const buy = new URLSearchParams({
      PhoneNumber: '+14155550100',
      VoiceUrl: 'https://x.example',
      VoiceMethod: 'POST',
    });
    expect(
      twilio.checkRequest({
        method: 'POST',
        path: `/2010-04-01/Accounts/${account}/IncomingPhoneNumbers.json`,
        query: none,
        form: buy,
      }),
    ).toEqual([]);
    expect(
      twilio.checkRequest({
        method: 'GET',
        path: `/2010-04-01/Accounts/${account}/AvailablePhoneNumbers/FR/Local.json`,
        query: new URLSearchParams('VoiceEnabled=true&PageSize=20&Contains=%2B331'),
        form: none,
      }),
    ).toEqual([]);
    expect(
      twilio.checkRequest({
        method: 'GET',
        path: `/2010-04-01/Accounts/${account}.json`,
        query: none,
        form: none,
      }),
    ).toEqual([]);
  });
});
