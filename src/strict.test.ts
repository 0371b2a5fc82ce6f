/**
 * Strict mode checks every 2xx body of `client.models.*` against the spec's
 * schema for its operation and status, with the validators generated from
 * it, and refuses a 2xx that is not JSON. Each kind of rule the spec states
 * fails with the path and the rule named; the same answers pass the
 * default, tolerant checks where docs/compatibility.md says they should.
 */
import { describe, expect, it } from 'vitest';
import { failureOf } from './__tests__/transport-harness.js';
import OpenAI, { APIResponseValidationError, OpenAIError } from './index.js';
import { strictResponseValidation } from './strict.js';

const KEY = 'sk-strict-0123456789abcdef';
const MODEL = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };

/** A client whose every answer is `body`, with `init` (a JSON 200 by default); `sent` counts the requests. */
function answering(body: unknown, init: ResponseInit = {}, options: { strict?: boolean } = { strict: true }) {
  const sent: string[] = [];
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    maxRetries: 0,
    ...(options.strict ? { strictResponseValidation } : {}),
    fetch: async (input) => {
      sent.push(String(input instanceof Request ? input.url : input));
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return new Response(text, {
        status: 200,
        ...init,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_strict', ...init.headers },
      });
    },
  });
  return { client, sent };
}

const refusal = (promise: PromiseLike<unknown>) => failureOf(promise, APIResponseValidationError);

describe('each kind of rule the spec states', () => {
  it.each([
    ['required', { ...MODEL, created: undefined }, 'body.created is missing (required)'],
    ['type', { ...MODEL, created: 'yesterday' }, 'body.created is not an integer (type), got "yesterday"'],
    ['enum', { ...MODEL, object: 'Model' }, 'body.object is not "model" (enum), got "Model"'],
    ['nullable', { ...MODEL, shutdown_date: 5 }, 'body.shutdown_date is not a string or null (type), got 5'],
    [
      'format',
      { ...MODEL, shutdown_date: '2026-02-30' },
      'body.shutdown_date is not a valid date (format), got "2026-02-30"',
    ],
    ['minLength', { ...MODEL, id: '' }, 'body.id is empty (minLength), got ""'],
  ])('%s: a retrieve fails with the path and the rule, and passes the default checks', async (_rule, body, what) => {
    const error = await refusal(answering(body).client.models.retrieve('gpt-4o-mini'));
    expect(error.message).toBe(`200 response ${what}; request id req_strict`);
    expect(error.status).toBe(200);
    expect(error.requestID).toBe('req_strict');
    const tolerant = await answering(body, {}, { strict: false }).client.models.retrieve('gpt-4o-mini');
    expect(JSON.parse(JSON.stringify(tolerant))).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('open objects: a property the spec does not name passes, kept as sent; null passes a nullable one', async () => {
    const body = { ...MODEL, shutdown_date: null, context_window: 128000 };
    const model = await answering(body).client.models.retrieve('gpt-4o-mini');
    expect({ ...model }).toEqual(body);
    expect(model._request_id).toBe('req_strict');
  });

  it('names the item of a list and the field of a deletion', async () => {
    const data = [MODEL, MODEL, MODEL, { ...MODEL, created: 1.5 }];
    const list = await refusal(answering({ object: 'list', data }).client.models.list());
    expect(list.message).toBe(
      '200 response body.data[3].created is not an integer (type), got 1.5; request id req_strict',
    );
    const deleted = await refusal(
      answering({ id: 'ft:x', object: 'model', deleted: 'yes' }).client.models.delete('ft:x'),
    );
    expect(deleted.message).toBe('200 response body.deleted is not a boolean (type), got "yes"; request id req_strict');
  });

  it('refuses what the default mode tolerates: data null, a bare array, an error object in a 200', async () => {
    const none = await refusal(answering({ object: 'list', data: null }).client.models.list());
    expect(none.message).toBe('200 response body.data is not an array (type), got null; request id req_strict');
    const bare = await refusal(answering([MODEL]).client.models.list());
    expect(bare.message).toMatch(/^200 response body is not an object \(type\), got \[\{"id":"gpt-4o-mini",/);
    const lmstudio = await refusal(answering({ error: 'Unexpected endpoint or method.' }).client.models.retrieve('x'));
    expect(lmstudio.message).toBe('200 response body.id is missing (required); request id req_strict');
  });
});

describe('the answer around the body', () => {
  it('refuses a 2xx that is not JSON, and takes application/json or +json with parameters', async () => {
    const plain = await refusal(
      answering(MODEL, { headers: { 'content-type': 'text/plain' } }).client.models.retrieve('m'),
    );
    expect(plain.message).toBe('200 response content-type is "text/plain", not JSON; request id req_strict');
    const none = await refusal(answering(MODEL, { headers: { 'content-type': '' } }).client.models.retrieve('m'));
    expect(none.message).toBe('200 response content-type is "", not JSON; request id req_strict');
    for (const type of ['application/json; charset=utf-8', 'application/vnd.openai+json', 'APPLICATION/JSON']) {
      const model = await answering(MODEL, { headers: { 'content-type': type } }).client.models.retrieve('m');
      expect(model.id).toBe('gpt-4o-mini');
    }
    const tolerant = answering(MODEL, { headers: { 'content-type': 'text/plain' } }, { strict: false });
    expect((await tolerant.client.models.retrieve('m')).id).toBe('gpt-4o-mini');
  });

  it('refuses a content-type that only looks like JSON, or none', async () => {
    for (const type of ['text/application/json', 'application/jsonp', 'application/json-seq']) {
      const error = await refusal(answering(MODEL, { headers: { 'content-type': type } }).client.models.retrieve('m'));
      expect(error.message).toBe(`200 response content-type is "${type}", not JSON; request id req_strict`);
    }
    const untyped = new OpenAI({
      apiKey: KEY,
      maxRetries: 0,
      strictResponseValidation,
      fetch: async () => new Response(new TextEncoder().encode(JSON.stringify(MODEL))),
    });
    const none = await refusal(untyped.models.retrieve('m'));
    expect(none.message).toBe('200 response content-type is "", not JSON; request id none');
  });

  it('quotes a value of up to 80 characters whole', async () => {
    const value = `"${'x'.repeat(78)}"`;
    const error = await refusal(answering({ ...MODEL, created: JSON.parse(value) }).client.models.retrieve('m'));
    expect(error.message).toBe(
      `200 response body.created is not an integer (type), got ${value}; request id req_strict`,
    );
  });

  it('refuses a 2xx status the spec does not declare for the operation', async () => {
    const error = await refusal(answering(MODEL, { status: 203 }).client.models.retrieve('m'));
    expect(error.message).toBe('203 response status is not one the spec declares; request id req_strict');
  });

  it('scrubs the key from the value it quotes and from the body it keeps, and cuts a long value', async () => {
    const echoed = await refusal(answering({ ...MODEL, created: `Bearer ${KEY}` }).client.models.retrieve('m'));
    expect(echoed.message).toBe(
      '200 response body.created is not an integer (type), got "Bearer [REDACTED]"; request id req_strict',
    );
    expect(JSON.stringify(echoed)).not.toContain(KEY);
    expect(echoed.error).toEqual({ ...MODEL, created: 'Bearer [REDACTED]' });
    const long = await refusal(answering({ ...MODEL, created: 'x'.repeat(500) }).client.models.retrieve('m'));
    expect(long.message).toBe(
      `200 response body.created is not an integer (type), got "${'x'.repeat(79)}…; request id req_strict`,
    );
  });
});

describe('turning it on and off', () => {
  it('works per request, on a tolerant client, and off for one call of a strict client', async () => {
    const body = { ...MODEL, created: undefined };
    const tolerant = answering(body, {}, { strict: false }).client;
    await refusal(tolerant.models.retrieve('m', { strictResponseValidation }));
    expect((await tolerant.models.retrieve('m')).id).toBe('gpt-4o-mini');
    const strict = answering(body).client;
    expect((await strict.models.retrieve('m', { strictResponseValidation: false })).id).toBe('gpt-4o-mini');
    await refusal(strict.models.list({ strictResponseValidation }));
  });

  it('refuses `true` and other values before any request, saying where the validators are', async () => {
    const message = "strictResponseValidation must be the one from 'openai-models/strict', or false; got boolean true";
    expect(() => new OpenAI({ apiKey: KEY, strictResponseValidation: true as never })).toThrow(
      new OpenAIError(message),
    );
    const { client, sent } = answering(MODEL, {}, { strict: false });
    await expect(client.models.retrieve('m', { strictResponseValidation: true as never })).rejects.toThrow(message);
    await expect(client.models.list({ strictResponseValidation: {} as never })).rejects.toThrow(
      'or false; got an object',
    );
    for (const [value, named] of [
      [[], 'an array'],
      [() => {}, 'a function'],
      [null, 'null'],
    ] as const)
      await expect(client.models.list({ strictResponseValidation: value as never })).rejects.toThrow(`got ${named}`);
    const bare = Object.create(null) as never;
    await expect(client.models.list({ strictResponseValidation: bare })).rejects.toThrow('or false; got an object');
    expect(() => new OpenAI({ apiKey: KEY, strictResponseValidation: bare })).toThrow(OpenAIError);
    expect(sent).toEqual([]);
  });

  it('leaves client.api as openapi-fetch: no schema check there', async () => {
    const { data } = await answering({ ...MODEL, created: 'x' }).client.api.GET('/models/{model}', {
      params: { path: { model: 'm' } },
    });
    expect(data).toEqual({ ...MODEL, created: 'x' });
  });
});
