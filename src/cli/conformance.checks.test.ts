/**
 * The checks of `conformance` (conformance.ts) one by one: conformance()
 * against a small spec and a server answering through `fetch`, asserting
 * the report's rows (request, promise, status, verdict, why) and the
 * requests that went out.
 */
import { describe, expect, it } from 'vitest';
import {
  conformance,
  encodeId,
  Unreachable,
  type Check,
  type ConformanceOptions,
  type Validators,
} from './conformance.js';
import { WRONG_KEY } from './conformance-http.js';
import type { JsonSchema, Spec, SpecOperation, SpecResponse } from './conformance-spec.js';

const KEY = 'sk-checks-test-key';
const BASE = 'http://api.test/v1';

interface Probe {
  method: string;
  /** Under the base URL, as it arrived: `/models/org%2Fa`. */
  path: string;
  auth: 'key' | 'none' | 'wrong';
}
interface Reply {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with no content-type unless `headers` gives one. */
  text?: string;
  headers?: Record<string, string>;
}
/** Answers a request (or undefined, for the default: 401 without the key, else 404). */
type Handler = (request: Probe) => Reply | undefined;

const ERROR = { error: { message: 'no', type: 'invalid_request_error' } };

/** A `fetch` that answers in memory and logs each request as `GET /models (none)`. */
function server(handler: Handler): { fetch: ConformanceOptions['http']['fetch']; sent: string[] } {
  const sent: string[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const authorization = headers.get('authorization');
    const auth = authorization === `Bearer ${KEY}` ? 'key' : authorization === `Bearer ${WRONG_KEY}` ? 'wrong' : 'none';
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/v1/, '') + url.search;
    sent.push(`${method} ${path}${auth === 'key' ? '' : ` (${auth})`}`);
    const reply =
      handler({ method, path, auth }) ?? (auth === 'key' ? { status: 404, body: ERROR } : { status: 401, body: ERROR });
    const text = reply.text ?? JSON.stringify(reply.body);
    const type: Record<string, string> = reply.text === undefined ? { 'content-type': 'application/json' } : {};
    return Promise.resolve(
      new Response(new TextEncoder().encode(text), {
        status: reply.status ?? 200,
        headers: { ...type, ...reply.headers },
      }),
    );
  };
  return { fetch, sent };
}

const json = (schema: string | undefined, headers: SpecResponse['headers'] = []): SpecResponse => ({
  schema,
  mediaTypes: ['application/json'],
  headers,
});

function operation(
  operationId: string,
  method: string,
  path: string,
  responses: Record<string, SpecResponse>,
  secured = true,
): SpecOperation {
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  return { operationId, method, path, pathParams, secured, responses };
}

const SCHEMAS: Record<string, JsonSchema> = {
  List: {
    type: 'object',
    properties: { object: { type: 'string' }, data: { type: 'array', items: { $ref: '#/components/schemas/Model' } } },
  },
  Model: {
    type: 'object',
    properties: { id: { type: 'string' }, object: { type: 'string' }, meta: { type: 'object' } },
  },
  Deleted: { type: 'object', properties: { id: { type: 'string' }, deleted: { type: 'boolean' } } },
  Error: { type: 'object', properties: { error: { type: 'object' } } },
  Thing: { type: 'object', properties: { name: { type: 'string' } } },
  Bare: { type: 'object' },
  NullProperties: { type: 'object', properties: null },
};

const LIST = operation('listModels', 'GET', '/models', {
  '200': json('List', [{ name: 'x-request-id', required: false }]),
  '401': json('Error'),
});
const RETRIEVE = operation('retrieveModel', 'GET', '/models/{model}', {
  '200': json('Model'),
  '401': json('Error'),
  '404': json('Error'),
});
const DELETE = operation('deleteModel', 'DELETE', '/models/{model}', {
  '200': json('Deleted'),
  '401': json('Error'),
  '404': json('Error'),
});

function spec(...operations: SpecOperation[]): Spec {
  return { title: 'Test API', version: '1.2.3', operations, schemas: SCHEMAS };
}

/** A server with these models that keeps the spec above. */
function models(ids: unknown[], override: Handler = () => undefined): Handler {
  return (request) => {
    const reply = override(request);
    if (reply) return reply;
    if (request.auth !== 'key') return { status: 401, body: ERROR };
    if (request.path === '/models')
      return { body: { object: 'list', data: ids.map((id) => ({ id })) }, headers: { 'x-request-id': 'req_1' } };
    const id = decodeURIComponent(request.path.replace(/^\/models\//, ''));
    if (!ids.includes(id)) return undefined;
    return { body: request.method === 'DELETE' ? { id, deleted: true } : { id, object: 'model' } };
  };
}

async function check(
  handler: Handler,
  operations: SpecOperation[],
  options: Partial<Omit<ConformanceOptions, 'http'>> = {},
): Promise<{ checks: Check[]; sent: string[]; rows: string[] }> {
  const { fetch, sent } = server(handler);
  const report = await conformance({
    spec: spec(...operations),
    validators: {},
    hasKey: true,
    ...options,
    http: {
      baseURL: BASE,
      fetch,
      timeout: 10_000,
      maxRetries: 0,
      maxResponseSize: 1 << 20,
      auth: { authorization: `Bearer ${KEY}` },
      headers: {},
    },
  });
  expect(report.spec).toEqual({ title: 'Test API', version: '1.2.3' });
  expect(report.baseURL).toBe(BASE);
  const rows = report.checks.map(
    (row) => `${row.verdict} | ${row.operation} | ${row.request} | ${row.promise} | ${row.status} | ${row.why}`,
  );
  return { checks: report.checks, sent, rows };
}

const UNKNOWN = '/models/openai-models-conformance-no-such-model';
const ROUTE_ROW =
  'pass | - | GET /openai-models-conformance/no-such-route | 404 for an unknown route (not in the spec) | 404 | as clients expect';

describe('a server that keeps the spec', () => {
  it('gets one row per check, and the requests the checks name', async () => {
    const { rows, sent, checks } = await check(models(['org/a', 'ft:b:1', 'c@2']), [LIST, RETRIEVE, DELETE]);
    expect(rows).toEqual([
      'pass | listModels | GET /models | 200 List | 200 | as the spec says',
      'pass | listModels | GET /models (no key) | 401 Error without a key | 401 | as the spec says',
      'pass | listModels | GET /models (wrong key) | 401 Error for a wrong key | 401 | as the spec says',
      'pass | listModels | every answer above | content-type application/json | null | 3 of 3 as declared',
      'pass | listModels | every answer above | header x-request-id (optional, relied on) | null | on 1 of 1',
      'pass | retrieveModel | GET /models/c@2 | 200 Model for a listed id | 200 | as the spec says',
      'pass | retrieveModel | GET /models/org%2Fa | 200 Model for a listed id with / | 200 | as the spec says',
      'pass | retrieveModel | GET /models/ft:b:1 | 200 Model for a listed id with : | 200 | as the spec says',
      `pass | retrieveModel | GET ${UNKNOWN} | 404 Error for an unknown id | 404 | as the spec says`,
      'pass | retrieveModel | GET /models/org%2Fa (no key) | 401 Error without a key | 401 | as the spec says',
      'pass | retrieveModel | GET /models/org%2Fa (wrong key) | 401 Error for a wrong key | 401 | as the spec says',
      'pass | retrieveModel | every answer above | content-type application/json | null | 6 of 6 as declared',
      'n/a | deleteModel | DELETE /models/{model} | 200 Deleted | null | not sent: read-only unless --delete-model <id> names a model to delete',
      ROUTE_ROW,
    ]);
    expect(sent).toEqual([
      'GET /models',
      'GET /models (none)',
      'GET /models (wrong)',
      'GET /models/c@2',
      'GET /models/org%2Fa',
      'GET /models/ft:b:1',
      `GET ${UNKNOWN}`,
      'GET /models/org%2Fa (none)',
      'GET /models/org%2Fa (wrong)',
      'GET /openai-models-conformance/no-such-route',
    ]);
    // Whole rows, so that nothing else creeps in.
    expect(checks.at(-2)).toEqual({
      operation: 'deleteModel',
      request: 'DELETE /models/{model}',
      promise: '200 Deleted',
      status: null,
      faults: [],
      notes: [],
      verdict: 'n/a',
      why: 'not sent: read-only unless --delete-model <id> names a model to delete',
    });
    expect(checks.at(-1)).toEqual({
      operation: '-',
      request: 'GET /openai-models-conformance/no-such-route',
      promise: '404 for an unknown route (not in the spec)',
      status: 404,
      faults: [],
      notes: [],
      verdict: 'pass',
      why: 'as clients expect',
    });
    expect(checks[3]).toEqual({
      operation: 'listModels',
      request: 'every answer above',
      promise: 'content-type application/json',
      status: null,
      faults: [],
      notes: [],
      verdict: 'pass',
      why: '3 of 3 as declared',
    });
    expect(checks[4]).toEqual({
      operation: 'listModels',
      request: 'every answer above',
      promise: 'header x-request-id (optional, relied on)',
      status: null,
      faults: [],
      notes: [],
      verdict: 'pass',
      why: 'on 1 of 1',
    });
  });

  it('sends a DELETE for the --delete-model id only, and checks the id that comes back', async () => {
    const { rows, sent } = await check(models(['a']), [DELETE], { deleteModel: 'ft:x:1' });
    expect(rows.slice(0, 1)).toEqual([
      'fail | deleteModel | DELETE /models/ft:x:1 | 200 Deleted | 404 | expected 200, got 404: {"error":{"message":"no","type":"invalid_request_error"}}',
    ]);
    expect(sent).toEqual(['DELETE /models/ft:x:1', 'GET /openai-models-conformance/no-such-route']);

    const other = await check(
      models(['ft:x:1'], ({ method }) => (method === 'DELETE' ? { body: { id: 'other', deleted: true } } : undefined)),
      [DELETE],
      { deleteModel: 'ft:x:1' },
    );
    expect(other.checks[0]).toMatchObject({
      request: 'DELETE /models/ft:x:1',
      verdict: 'fail',
      faults: [
        {
          path: 'body.id',
          keyword: 'id',
          message: 'body.id is not the id asked for (ft:x:1)',
          value: '"other"',
          count: 1,
        },
      ],
      why: 'body.id is not the id asked for (ft:x:1) (id)',
    });
  });

  it('sends nothing but GETs for an operation without a path parameter, even with --delete-model', async () => {
    const create = operation('createModel', 'POST', '/models', { '201': json('Model') });
    const { rows, sent } = await check(models([]), [create], { deleteModel: 'a' });
    expect(rows).toEqual([
      'n/a | createModel | POST /models | 201 Model | null | not sent: the check sends only GET requests',
      ROUTE_ROW,
    ]);
    expect(sent).toEqual(['GET /openai-models-conformance/no-such-route']);
  });
});

describe('the ids a retrieve is tried with', () => {
  it('skips the kinds of id the list does not name, and says why', async () => {
    const { rows, sent } = await check(models(['only']), [LIST, RETRIEVE]);
    expect(rows.slice(5, 9)).toEqual([
      'pass | retrieveModel | GET /models/only | 200 Model for a listed id | 200 | as the spec says',
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id with / | null | /models named none',
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id with : | null | /models named none',
      `pass | retrieveModel | GET ${UNKNOWN} | 404 Error for an unknown id | 404 | as the spec says`,
    ]);
    expect(sent).toContain('GET /models/only (none)');
  });

  it('with an empty list, tries the unknown id, also for the auth probes', async () => {
    const { rows, sent } = await check(models([]), [LIST, RETRIEVE]);
    expect(rows.slice(5, 11)).toEqual([
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id | null | /models named no model to try',
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id with / | null | /models named no model to try',
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id with : | null | /models named no model to try',
      `pass | retrieveModel | GET ${UNKNOWN} | 404 Error for an unknown id | 404 | as the spec says`,
      `pass | retrieveModel | GET ${UNKNOWN} (no key) | 401 Error without a key | 401 | as the spec says`,
      `pass | retrieveModel | GET ${UNKNOWN} (wrong key) | 401 Error for a wrong key | 401 | as the spec says`,
    ]);
    expect(sent.slice(3)).toEqual([
      `GET ${UNKNOWN}`,
      `GET ${UNKNOWN} (none)`,
      `GET ${UNKNOWN} (wrong)`,
      'GET /openai-models-conformance/no-such-route',
    ]);
  });

  it('takes ids from a bare array and skips those that are no usable id', async () => {
    const list = ({ path, auth }: Probe): Reply | undefined =>
      path === '/models' && auth === 'key'
        ? { body: [{ id: 1 }, { id: '' }, { id: '.' }, { id: '..' }, null, { id: 'a/b' }] }
        : undefined;
    const { sent } = await check(models(['a/b'], list), [LIST, RETRIEVE]);
    expect(sent.filter((line) => line.startsWith('GET /models/') && !line.includes('('))).toEqual([
      'GET /models/a%2Fb',
      'GET /models/a%2Fb',
      `GET ${UNKNOWN}`,
    ]);
  });

  it('a list that is neither an array nor has data names no id', async () => {
    const list = ({ path, auth }: Probe): Reply | undefined =>
      path === '/models' && auth === 'key' ? { body: { object: 'list', data: { id: 'x' } } } : undefined;
    const { rows } = await check(models([], list), [LIST, RETRIEVE]);
    expect(rows[5]).toBe(
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id | null | /models named no model to try',
    );
  });

  it('does not try an unknown id where the spec declares no 404', async () => {
    const retrieve = operation('retrieveModel', 'GET', '/models/{model}', { '200': json('Model') });
    const { rows, sent } = await check(models(['m']), [LIST, retrieve]);
    expect(sent.filter((line) => line.includes('no-such-model'))).toEqual([]);
    expect(rows.filter((row) => row.includes('retrieveModel'))).toEqual([
      'pass | retrieveModel | GET /models/m | 200 Model for a listed id | 200 | as the spec says',
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id with / | null | /models named none',
      'n/a | retrieveModel | GET /models/{model} | 200 Model for a listed id with : | null | /models named none',
      'pass | retrieveModel | every answer above | content-type application/json | null | 1 of 1 as declared',
    ]);
  });

  it('a nested path takes its ids from the path one level up, never from an item', async () => {
    const model = operation(
      'retrieveModel',
      'GET',
      '/models/{model}',
      { '200': json('Model'), '404': json('Error') },
      false,
    );
    const version = operation('retrieveVersion', 'GET', '/models/{model}/{version}', { '200': json('Model') }, false);
    // Every answer names an id, as a list would.
    const { rows } = await check(() => ({ status: 404, body: { data: [{ id: 'v1' }] } }), [model, version]);
    expect(rows.filter((row) => row.includes('retrieveVersion')).slice(0, 1)).toEqual([
      'n/a | retrieveVersion | GET /models/{model}/{version} | 200 Model for a listed id | null | /models/{model} named no model to try',
    ]);
  });

  it('encodes ids as the SDK does: / as %2F, : and @ kept', () => {
    expect(encodeId('org/m:1@v2 x')).toBe('org%2Fm:1@v2%20x');
  });
});

describe('status and schema', () => {
  it('expects the first three-digit 2xx the spec declares, else 200; a response with no schema is "answer"', async () => {
    const created = operation('make', 'GET', '/make', { '201': json('Thing'), '404': json('Error') }, false);
    const odd = operation(
      'odd',
      'GET',
      '/odd',
      { '404': json(undefined), '1201': json(undefined), '2010': json(undefined) },
      false,
    );
    const { rows } = await check(() => ({ status: 201, body: { name: 'n' } }), [created, odd]);
    expect(rows[0]).toBe('pass | make | GET /make | 201 Thing | 201 | as the spec says');
    expect(rows[2]).toBe(
      'fail | odd | GET /odd | 200 answer | 201 | expected 200, got 201 (a status the spec does not declare here): {"name":"n"}',
    );
  });

  it('quotes the start of a body that came with the wrong status, on one line', async () => {
    const get = operation('get', 'GET', '/get', { '200': json(undefined), '404': json(undefined) }, false);
    const why = async (text: string, status = 404) => (await check(() => ({ status, text }), [get])).checks[0]?.why;
    expect(await why('')).toBe('expected 200, got 404: (empty body)');
    expect(await why(' \n\t ')).toBe('expected 200, got 404: (empty body)');
    expect(await why('  {"a":\n\n  1}  ')).toBe('expected 200, got 404: {"a": 1}');
    expect(await why('x'.repeat(100))).toBe(`expected 200, got 404: ${'x'.repeat(100)}`);
    expect(await why('y'.repeat(101))).toBe(`expected 200, got 404: ${'y'.repeat(99)}…`);
    expect(await why('z', 500)).toBe('expected 200, got 500 (a status the spec does not declare here): z');
  });

  it('fails a body that is not JSON where a schema is declared', async () => {
    const get = operation('get', 'GET', '/get', { '200': json('Thing') }, false);
    const validators: Validators = { get: { '200': () => null } };
    const { checks } = await check(
      () => ({ text: 'not json', headers: { 'content-type': 'application/json' } }),
      [get],
      {
        validators,
      },
    );
    expect(checks[0]).toMatchObject({ status: 200, verdict: 'fail', why: 'the body is not JSON: not json' });
  });

  it('groups the same break at many indexes, says how many more, and notes fields the spec does not name', async () => {
    const get = operation('get', 'GET', '/get', { '200': json('List') }, false);
    const errors = [
      { path: 'body.data[3].id', keyword: 'type', message: 'body.data[3].id is not a string', value: 3 },
      { path: 'body.data[12].id', keyword: 'type', message: 'body.data[12].id is not a string', value: 12 },
      { path: 'body.data', keyword: 'type', message: 'body.data is odd', value: 'x'.repeat(100) },
      { path: 'body.data[0]', keyword: 'type', message: 'body.data[0] is odd', value: undefined },
    ];
    const { checks } = await check(() => ({ body: { object: 'list', data: [{ id: 'a', extra: 1 }] } }), [get], {
      validators: { get: { '200': () => errors } },
    });
    expect(checks[0]).toEqual({
      operation: 'get',
      request: 'GET /get',
      promise: '200 List',
      status: 200,
      faults: [
        { path: 'body.data[3].id', keyword: 'type', message: 'body.data[3].id is not a string', value: '3', count: 2 },
        { path: 'body.data', keyword: 'type', message: 'body.data is odd', value: `"${'x'.repeat(78)}…`, count: 1 },
        { path: 'body.data[0]', keyword: 'type', message: 'body.data[0] is odd', value: null, count: 1 },
      ],
      notes: ['body.data[*].extra'],
      verdict: 'fail',
      why: 'body.data[3].id is not a string (type), and 2 more',
    });
  });

  it('one fault is just that fault; no fault but extra fields passes, naming them', async () => {
    const get = operation('get', 'GET', '/get', { '200': json('Model') }, false);
    const one = [{ path: 'body.object', keyword: 'enum', message: 'body.object is not "model"', value: 'x' }];
    const body = { id: 'a', object: 'x', meta: { free: 1 }, extra: true, more: [1] };
    const failing = await check(() => ({ body }), [get], { validators: { get: { '200': () => one } } });
    expect(failing.checks[0]?.why).toBe('body.object is not "model" (enum)');
    const passing = await check(() => ({ body }), [get], { validators: { get: { '200': () => null } } });
    expect(passing.checks[0]).toMatchObject({
      verdict: 'pass',
      faults: [],
      notes: ['body.extra', 'body.more'],
      why: 'as the spec says; fields the spec does not name: body.extra, body.more',
    });
  });

  it('checks the id of a retrieve only when the body keeps its schema and the schema has an id', async () => {
    const answer =
      (body: unknown): Handler =>
      ({ path }) =>
        path === '/models' ? { body: { data: [{ id: 'm' }], id: 'list-1' } } : { body };
    const retrieve = (schema: string) =>
      operation('retrieveModel', 'GET', '/models/{model}', { '200': json(schema) }, false);
    const list = operation('listModels', 'GET', '/models', { '200': json('Model') }, false);

    const wrongId = await check(answer({ id: 'other' }), [list, retrieve('Model')]);
    // The list's own id is no id asked for.
    expect(wrongId.rows[0]).toBe(
      'pass | listModels | GET /models | 200 Model | 200 | as the spec says; fields the spec does not name: body.data',
    );
    expect(wrongId.rows[2]).toBe(
      'fail | retrieveModel | GET /models/m | 200 Model for a listed id | 200 | body.id is not the id asked for (m) (id)',
    );

    const broken = [{ path: 'body.object', keyword: 'required', message: 'body.object is missing', value: undefined }];
    const faulty = await check(answer({ id: 'other' }), [list, retrieve('Model')], {
      validators: { retrieveModel: { '200': () => broken } },
    });
    expect(faulty.checks[2]).toMatchObject({
      verdict: 'fail',
      faults: [{ path: 'body.object' }],
      why: 'body.object is missing (required)',
    });

    for (const schema of ['Thing', 'Bare', 'NullProperties']) {
      const noId = await check(answer({ id: 'other', name: 'n' }), [list, retrieve(schema)]);
      expect(noId.checks[2], schema).toMatchObject({ verdict: 'pass', faults: [] });
    }
  });
});

describe('auth', () => {
  const open = (status: number, path = '/models'): Handler =>
    models(['m'], (request) =>
      request.path === path && request.auth !== 'key' ? { status, body: { object: 'list', data: [] } } : undefined,
    );
  const probes = (rows: string[]) => rows.filter((row) => / \((no|wrong) key\) /.test(row)).slice(0, 2);

  it('a 2xx without a key or with a wrong one fails, unless it is what the key got', async () => {
    expect(probes((await check(open(201), [LIST])).rows)).toEqual([
      'fail | listModels | GET /models (no key) | 401 Error without a key | 201 | no key was accepted: 201',
      'fail | listModels | GET /models (wrong key) | 401 Error for a wrong key | 201 | a wrong key was accepted: 201',
    ]);
    expect(probes((await check(open(200), [LIST])).rows)).toEqual([
      'n/a | listModels | GET /models (no key) | 401 Error without a key | 200 | no auth enforced: 200, as with the key',
      'n/a | listModels | GET /models (wrong key) | 401 Error for a wrong key | 200 | no auth enforced: 200, as with the key',
    ]);
  });

  it('another refusal than 401 is a wrong status, not an open door', async () => {
    expect(probes((await check(open(403), [LIST])).rows)).toEqual([
      'fail | listModels | GET /models (no key) | 401 Error without a key | 403 | expected 401, got 403 (a status the spec does not declare here): {"object":"list","data":[]}',
      'fail | listModels | GET /models (wrong key) | 401 Error for a wrong key | 403 | expected 401, got 403 (a status the spec does not declare here): {"object":"list","data":[]}',
    ]);
    expect(probes((await check(open(300), [LIST])).rows)[1]).toBe(
      'fail | listModels | GET /models (wrong key) | 401 Error for a wrong key | 300 | expected 401, got 300 (a status the spec does not declare here): {"object":"list","data":[]}',
    );
  });

  it('a 401 without a key passes, even where the key got a 401 too', async () => {
    const { rows } = await check(() => ({ status: 401, body: ERROR }), [LIST]);
    expect(rows.slice(0, 3)).toEqual([
      'fail | listModels | GET /models | 200 List | 401 | expected 200, got 401: {"error":{"message":"no","type":"invalid_request_error"}}',
      'pass | listModels | GET /models (no key) | 401 Error without a key | 401 | as the spec says',
      'pass | listModels | GET /models (wrong key) | 401 Error for a wrong key | 401 | as the spec says',
    ]);
  });

  it('without a key, the auth checks do not apply; an unsecured operation has none', async () => {
    const { rows, sent } = await check(models(['m']), [LIST], { hasKey: false });
    expect(rows.slice(1, 3)).toEqual([
      'n/a | listModels | GET /models | 401 Error (no key) | null | no key was given',
      'n/a | listModels | GET /models | 401 Error (wrong key) | null | no key was given',
    ]);
    expect(sent).toEqual(['GET /models', 'GET /openai-models-conformance/no-such-route']);
    const unsecured = operation('listModels', 'GET', '/models', LIST.responses, false);
    expect((await check(models(['m']), [unsecured])).sent).toEqual([
      'GET /models',
      'GET /openai-models-conformance/no-such-route',
    ]);
  });
});

describe('media types and headers', () => {
  it('counts only answers of a declared status with a declared media type', async () => {
    const get = operation(
      'get',
      'GET',
      '/get',
      {
        '200': { schema: undefined, mediaTypes: ['text/plain', 'application/json'], headers: [] },
        '401': { schema: undefined, mediaTypes: [], headers: [] },
      },
      true,
    );
    const ok = await check(
      ({ auth }) =>
        auth === 'key'
          ? { text: '{}', headers: { 'content-type': 'Application/JSON ; charset=utf-8' } }
          : { status: auth === 'none' ? 401 : 500, text: 'no' },
      [get],
    );
    expect(ok.rows[3]).toBe(
      'pass | get | every answer above | content-type text/plain or application/json | null | 1 of 1 as declared',
    );

    const none = await check(() => ({ status: 500, body: {} }), [get]);
    expect(none.checks[3]).toEqual({
      operation: 'get',
      request: 'every answer above',
      promise: 'content-type text/plain or application/json',
      status: null,
      faults: [],
      notes: [],
      verdict: 'n/a',
      why: 'no answer with a declared status',
    });
  });

  it('fails when an answer comes with another or no media type, naming the first', async () => {
    const get = operation('get', 'GET', '/get/{id}', { '200': json(undefined), '404': json(undefined) }, false);
    const reply: Handler = ({ path }) =>
      path.includes('no-such-model')
        ? { status: 404, text: '{}' }
        : { status: 404, text: '<p>', headers: { 'content-type': 'text/html' } };
    const list = operation('list', 'GET', '/get', { '200': json(undefined) }, false);
    const answer: Handler = (request) => (request.path === '/get' ? { body: { data: [{ id: 'a' }] } } : reply(request));
    const { rows } = await check(answer, [list, get]);
    expect(rows.filter((row) => row.includes('content-type'))).toEqual([
      'pass | list | every answer above | content-type application/json | null | 1 of 1 as declared',
      'fail | get | every answer above | content-type application/json | 404 | 2 of 2 not, e.g. text/html',
    ]);
    const bare = await check(
      (request) => (request.path === '/get' ? { body: { data: [] } } : { status: 404, text: '{}' }),
      [list, get],
    );
    expect(bare.rows.filter((row) => row.includes('content-type'))[1]).toBe(
      'fail | get | every answer above | content-type application/json | 404 | 1 of 1 not, e.g. (none)',
    );
  });

  it('checks each declared header on the answers whose status declares it; a missing required one fails', async () => {
    const get = operation('get', 'GET', '/get', {
      '200': json(undefined, [
        { name: 'x-both', required: true },
        { name: 'x-opt', required: false },
      ]),
      '401': json(undefined, [
        { name: 'x-both', required: false },
        { name: 'x-only-401', required: false },
      ]),
    });
    const { checks } = await check(
      ({ auth }) =>
        auth === 'key'
          ? { body: {}, headers: { 'x-both': '1', 'x-opt': '1' } }
          : { status: 401, body: {}, headers: auth === 'wrong' ? { 'x-only-401': '1' } : {} },
      [get],
    );
    expect(checks.slice(4, 7)).toEqual([
      {
        operation: 'get',
        request: 'every answer above',
        promise: 'header x-both',
        status: null,
        faults: [],
        notes: [],
        verdict: 'fail',
        why: 'missing on 2 of 3 answers',
      },
      {
        operation: 'get',
        request: 'every answer above',
        promise: 'header x-opt (optional, relied on)',
        status: null,
        faults: [],
        notes: [],
        verdict: 'pass',
        why: 'on 1 of 1',
      },
      {
        operation: 'get',
        request: 'every answer above',
        promise: 'header x-only-401 (optional, relied on)',
        status: null,
        faults: [],
        notes: [],
        verdict: 'warn',
        why: 'missing on 1 of 2 answers',
      },
    ]);
    expect(checks).toHaveLength(8);
  });
});

describe('reaching the server', () => {
  it('throws Unreachable when the first request gets no answer; a later failure is a row', async () => {
    const refused = (): Promise<Response> =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    const options = (fetch: ConformanceOptions['http']['fetch']): ConformanceOptions => ({
      spec: spec(LIST),
      validators: {},
      hasKey: false,
      http: { baseURL: BASE, fetch, timeout: 10_000, maxRetries: 0, maxResponseSize: 1 << 20, auth: {}, headers: {} },
    });
    // Answers only by failing once the deadline aborts it.
    const hanging = (_input: string | URL | Request, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const slow = await conformance({ ...options(hanging), http: { ...options(hanging).http, timeout: 1 } }).catch(
      (caught: unknown) => caught,
    );
    expect(slow).toBeInstanceOf(Unreachable);
    expect((slow as Error).message).toBe(`cannot reach ${BASE}: no answer within 1 ms`);

    const error = await conformance(options(refused)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Unreachable);
    expect((error as Error).message).toBe(`cannot reach ${BASE}: connect ECONNREFUSED`);

    const { fetch } = server(models([]));
    let calls = 0;
    const later = (input: string | URL | Request, init?: RequestInit) =>
      calls++ === 0 ? fetch(input, init) : refused();
    const report = await conformance(options(later));
    expect(report.checks.at(-1)).toMatchObject({ status: null, verdict: 'warn', why: 'connect ECONNREFUSED' });
  });
});
