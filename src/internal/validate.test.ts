/**
 * A 2xx answer that is not the spec's shape becomes an
 * APIResponseValidationError that says what is wrong and quotes what came
 * back, never a wrong value; the key is scrubbed from what it quotes. Lenient
 * where compatible servers differ: extra fields are kept, created and
 * owned_by may be missing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../../contract-tests/support/local-server.js';
import { closeServer, failure, failureOf, serve } from '../__tests__/transport-harness.js';
import OpenAI, { APIError, APIResponseValidationError } from '../index.js';

afterEach(closeServer);

const KEY = 'sk-validation-0123456789abcdef';

function answering(body: string, key = KEY): OpenAI {
  return new OpenAI({
    apiKey: key,
    baseURL: 'http://127.0.0.1:9/v1',
    maxRetries: 0,
    fetch: async () =>
      new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_shape' } }),
  });
}

const rejection = (promise: PromiseLike<unknown>) => failureOf(promise, APIResponseValidationError);

const call = {
  retrieve: (client: OpenAI) => client.models.retrieve('gpt-4o-mini'),
  delete: (client: OpenAI) => client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123'),
  list: (client: OpenAI) => client.models.list(),
};

describe('a misshapen 2xx is refused with what is wrong', () => {
  it.each([
    ['retrieve', '[]', 'response body is not an object: "[]"'],
    ['retrieve', 'null', 'response body is not an object: "null"'],
    ['retrieve', '{"object":"model"}', 'response body.id is not a string: "{\\"object\\":\\"model\\"}"'],
    ['retrieve', '{"id":7}', 'response body.id is not a string: "{\\"id\\":7}"'],
    // Quoted as the server wrote it, white space folded: not written out again.
    ['retrieve', '{\n  "id": 7\n}', 'response body.id is not a string: "{ \\"id\\": 7 }"'],
    ['delete', '"deleted"', 'response body is not an object: "\\"deleted\\""'],
    [
      'delete',
      '{"id":1,"object":"model","deleted":true}',
      'response body.id is not a string: "{\\"id\\":1,\\"object\\":\\"model\\",\\"deleted\\":true}"',
    ],
    [
      'delete',
      '{"id":"ft:x","object":"model","deleted":"yes"}',
      'response body.deleted is not a boolean: "{\\"id\\":\\"ft:x\\",\\"object\\":\\"model\\",\\"deleted\\":\\"yes\\"}"',
    ],
    [
      'delete',
      '{"id":"ft:x","object":"model"}',
      'response body.deleted is not a boolean: "{\\"id\\":\\"ft:x\\",\\"object\\":\\"model\\"}"',
    ],
    ['list', '7', 'response body is not an object: "7"'],
    // A bare array is read as the list's items (Together).
    ['list', '[7]', 'response body[0] is not an object: "[7]"'],
    ['list', '[{"id":"a"},{"id":7}]', 'response body[1].id is not a string: "[{\\"id\\":\\"a\\"},{\\"id\\":7}]"'],
    // `data: null` is no models only as Ollama sends it: a list, and no error.
    ['list', '{"data":null}', 'response body.data is not an array: "{\\"data\\":null}"'],
    [
      'list',
      '{"object":"list","data":null,"error":"backend down"}',
      'response body.data is not an array: "{\\"object\\":\\"list\\",\\"data\\":null,\\"error\\":\\"backend down\\"}"',
    ],
    ['list', '{"object":"list"}', 'response body.data is not an array: "{\\"object\\":\\"list\\"}"'],
    [
      'list',
      '{"object":"list","data":{}}',
      'response body.data is not an array: "{\\"object\\":\\"list\\",\\"data\\":{}}"',
    ],
    [
      'list',
      '{"object":"list","data":[{"id":"a"},7]}',
      'response body.data[1] is not an object: "{\\"object\\":\\"list\\",\\"data\\":[{\\"id\\":\\"a\\"},7]}"',
    ],
    [
      'list',
      '{"object":"list","data":[{"id":"a"},{"id":"b"},{"object":"model"}]}',
      'response body.data[2].id is not a string: "{\\"object\\":\\"list\\",\\"data\\":[{\\"id\\":\\"a\\"},{\\"id\\":\\"b\\"},{\\"object\\":\\"model\\"}]}"',
    ],
  ] as const)('%s answered %s', async (method, body, message) => {
    const error = await rejection(call[method](answering(body)));
    expect(error.message).toBe(`200 ${message}`);
    expect(error.status).toBe(200);
    expect(error.requestID).toBe('req_shape');
    expect(error.error).toEqual(JSON.parse(body));
  });

  it.each([
    ['retrieve', '{"id":"gpt-4o-mini"}'],
    ['delete', '{"id":"ft:x","object":"model","deleted":false}'],
    ['list', '{"object":"list","data":[]}'],
    ['list', '{"object":"list","data":[{"id":"a"},{"id":"b","owned_by":"x"}]}'],
  ] as const)('%s accepts the lenient minimum %s', async (method, body) => {
    const value = await call[method](answering(body));
    expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse(body));
  });

  it.each([
    [
      'Ollama with no model: data null',
      '{"object":"list","data":null,"extra":1}',
      { object: 'list', data: [], extra: 1 },
    ],
    ['Together: a bare array', '[{"id":"a"},{"id":"b"}]', { object: 'list', data: [{ id: 'a' }, { id: 'b' }] }],
    ['a bare empty array', '[]', { object: 'list', data: [] }],
  ])('reads as a list what is unambiguously one (%s)', async (_, body, page) => {
    const value = await call.list(answering(body));
    expect({ ...value }).toEqual(page);
    expect(value._request_id).toBe('req_shape');
  });

  it('reads no list into a retrieve or a delete: a bare array stays an error, data null stays null', async () => {
    const bare = await rejection(call.retrieve(answering('[{"id":"a"}]')));
    expect(bare.message).toBe('200 response body is not an object: "[{\\"id\\":\\"a\\"}]"');
    const kept = await call.delete(answering('{"object":"list","id":"x","deleted":true,"data":null}'));
    expect({ ...kept }).toEqual({ object: 'list', id: 'x', deleted: true, data: null });
  });

  it('quotes the start of a body too deep to write back, and keeps it named only', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const error = await rejection(call.retrieve(answering(deep)));
    expect(error.message).toBe(`200 response body is not an object: "${'['.repeat(200)}…"`);
    expect(error.error).toBe('(JSON nested too deeply to show)');
    expect(JSON.stringify(error)).toContain('nested too deeply');
  });

  it('says what came back when the body is not JSON, or empty', async () => {
    const garbled = await rejection(call.retrieve(answering('{"id": "gpt')));
    expect(garbled.message).toBe('200 response body is not valid JSON: "{\\"id\\": \\"gpt"');
    const empty = await rejection(call.retrieve(answering(' \n')));
    expect(empty.message).toBe('200 response body is empty');
  });
});

describe('what a validation error quotes never holds the key', () => {
  it('in a misshapen body: the message, the parsed body and JSON.stringify', async () => {
    const error = await rejection(call.retrieve(answering(`{"id":null,"echo":"Bearer ${KEY}"}`)));
    expect(error.message).toBe(
      '200 response body.id is not a string: "{\\"id\\":null,\\"echo\\":\\"Bearer [REDACTED]\\"}"',
    );
    expect(error.error).toEqual({ id: null, echo: 'Bearer [REDACTED]' });
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('in a body that writes the key with JSON escapes, which parsing turns back into the key', async () => {
    const escaped = `\\u0073${KEY.slice(1)}`;
    const error = await rejection(call.list(answering(`{"object":"list","data":[{"id":5,"note":"${escaped}"}]}`)));
    expect(error.message).toBe(
      '200 response body.data[0].id is not a string: "{\\"object\\":\\"list\\",\\"data\\":[{\\"id\\":5,\\"note\\":\\"[REDACTED]\\"}]}"',
    );
    expect(error.error).toEqual({ object: 'list', data: [{ id: 5, note: '[REDACTED]' }] });
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('in a body that is not JSON', async () => {
    const error = await rejection(call.list(answering(`<p>key ${KEY}</p>`)));
    expect(error.message).toBe('200 response body is not valid JSON: "<p>key [REDACTED]</p>"');
  });

  it('keys of 8 characters or more are scrubbed; shorter ones are not searched for', async () => {
    const eight = await rejection(call.retrieve(answering('{"id":1,"k":"abcd1234"}', 'abcd1234')));
    expect(eight.message).toBe('200 response body.id is not a string: "{\\"id\\":1,\\"k\\":\\"[REDACTED]\\"}"');
    const seven = await rejection(call.retrieve(answering('{"id":1,"k":"abc1234"}', 'abc1234')));
    expect(seven.message).toBe('200 response body.id is not a string: "{\\"id\\":1,\\"k\\":\\"abc1234\\"}"');
  });
});

describe('answers that are not what they should be', () => {
  it('reports invalid JSON in a 200 as APIResponseValidationError quoting the body', async () => {
    const { client, server } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bad' });
      res.end('{"id": "gpt-4o-mini", oops');
    });
    const error = await failure(client.models.retrieve('gpt-4o-mini'));
    expect(error).toBeInstanceOf(APIResponseValidationError);
    if (!(error instanceof APIError)) return;
    expect(error.message).toBe('200 response body is not valid JSON: "{\\"id\\": \\"gpt-4o-mini\\", oops"');
    expect(error.requestID).toBe('req_bad');
    expect(server.seen).toHaveLength(1);
  });

  it('reports a 200 of the wrong shape, naming the field', async () => {
    const { client } = await serve((_req, res) =>
      json(res, 200, { object: 'list', data: [{ id: 'a' }, { name: 'b' }] }),
    );
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(APIResponseValidationError);
    expect((error as Error).message).toMatch(
      /^200 response body\.data\[1\] is not an object|^200 response body\.data\[1\]\.id is not a string/,
    );
  });

  it('reports an empty 200', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(200).end());
    expect(((await failure(client.models.retrieve('x'))) as Error).message).toBe('200 response body is empty');
  });

  it('keeps extra fields and tolerates missing created/owned_by (compatible servers)', async () => {
    const body = {
      object: 'list',
      data: [
        { id: 'meta-llama/Llama-3.1-8B', object: 'model', owned_by: 'vllm', max_model_len: 8192, permission: [] },
        { id: 'vendor/model:free', object: 'model' },
      ],
      extra: true,
    };
    const { client } = await serve((_req, res) => json(res, 200, body));
    const page = await client.models.list();
    expect(JSON.parse(JSON.stringify(page))).toEqual(body);
    expect(page.data[1]?.created).toBeUndefined();
  });
});
