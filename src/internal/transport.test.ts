/**
 * The fetch at the bottom of every call: what it hands the `fetch` option,
 * the Response it hands back (read by openapi-fetch as any Response would be,
 * keeping its url and content-length), and the error it makes of a fetch
 * that throws. Retries, timeouts, limits, secrets and what a call leaves
 * behind: transport.*.test.ts beside this file.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../../contract-tests/support/local-server.js';
import { clientWith, closeServer, failure, KEY, model, ok, sequence, serve } from '../__tests__/transport-harness.js';
import OpenAI, { APIConnectionError } from '../index.js';

afterEach(closeServer);

describe('the fetch option', () => {
  it('is called with the Request openapi-fetch built and { signal }, for resource calls and client.api alike', async () => {
    const calls: [unknown, unknown][] = [];
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: 'https://h.example/v1',
      fetch: async (input, init) => {
        calls.push([input, init]);
        return Response.json(model);
      },
    });
    await client.models.retrieve('a/b:c');
    await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(calls).toHaveLength(2);
    for (const [input, init] of calls) {
      expect(input).toBeInstanceOf(Request);
      expect(Object.keys(init as object)).toEqual(['signal']);
      expect((init as RequestInit).signal).toBeInstanceOf(AbortSignal);
    }
    expect(calls.map(([input]) => (input as Request).url)).toEqual([
      'https://h.example/v1/models/a%2Fb:c',
      'https://h.example/v1/models/x',
    ]);
  });
});

describe('client.api reads a 2xx as openapi-fetch does', () => {
  it('throws its SyntaxError for a 200 that is not JSON', async () => {
    const { client } = await serve(
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
      { maxRetries: 0 },
    );
    const error = await failure(client.api.GET('/models/{model}', { params: { path: { model: 'x' } } }));
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('reads an empty 2xx sent chunked as no body, and a chunked JSON body whole', async () => {
    const { client } = await serve(
      sequence(
        (res) => void res.writeHead(200).end(),
        // A byte-order mark is dropped in decoding; a Latin-1 é becomes U+FFFD.
        (res) =>
          void res
            .writeHead(200)
            .end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(model))])),
        (res) => void res.writeHead(200).end(Buffer.from(JSON.stringify({ ...model, id: 'caf\xe9' }), 'latin1')),
      ),
      { maxRetries: 0 },
    );
    const get = () => client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect((await get()).data).toBeUndefined();
    expect((await get()).data).toEqual(model);
    expect((await get()).data).toEqual({ ...model, id: 'caf\ufffd' });
  });

  it('keeps the content-length an answer came with, even one counting gzipped bytes', async () => {
    const gzipped = gzipSync(JSON.stringify(model));
    const { client } = await serve(
      (_req, res) =>
        void res
          .writeHead(200, {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': gzipped.length,
          })
          .end(gzipped),
      { maxRetries: 0 },
    );
    const { data, response } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(data).toEqual(model);
    expect(response.headers.get('content-length')).toBe(String(gzipped.length));
  });

  it('adds no content-length to an answer without a body, or to a chunked error', async () => {
    const { client } = await serve(
      sequence(
        (res) => void res.writeHead(204).end(),
        (res) => void res.writeHead(500, { 'x-request-id': 'req_chunked' }).end('{"error":{"message":"down"}}'),
      ),
      { maxRetries: 0 },
    );
    const deleted = await client.api.DELETE('/models/{model}', { params: { path: { model: 'ft:x' } } });
    expect([deleted.response.status, deleted.response.headers.get('content-length')]).toEqual([204, null]);
    const failed = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect([failed.response.status, failed.response.headers.get('content-length'), failed.error]).toEqual([
      500,
      null,
      { error: { message: 'down' } },
    ]);
  });

  it('lets an error answer copied by a middleware fail to parse as any Response does', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(502).end('<html>'), { maxRetries: 0 });
    let parsed: unknown;
    client.api.use({
      async onResponse({ response }) {
        parsed = await response
          .clone()
          .json()
          .catch((error: unknown) => error);
      },
    });
    await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(parsed).toBeInstanceOf(SyntaxError);
  });

  it('still hands the text to a caller who asks for text', async () => {
    const { client } = await serve(
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
      { maxRetries: 0 },
    );
    const { data } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } }, parseAs: 'text' });
    expect(data).toBe('<html></html>');
  });
});

describe('the Response a caller gets keeps its url', () => {
  it('from client.api, withResponse(), asResponse() before and after the body was read, and an error', async () => {
    const { client, server } = await serve((req, res) => (req.url?.endsWith('/gone') ? json(res, 404, {}) : ok(res)));
    const url = `${server.url}/v1/models/gpt-4o-mini`;

    const api = await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });
    expect(api.data).toEqual(model);
    expect(api.response.url).toBe(url);

    const { response } = await client.models.retrieve('gpt-4o-mini').withResponse();
    expect(response.url).toBe(url);

    const raw = await client.models.retrieve('gpt-4o-mini').asResponse();
    expect([raw.url, raw.bodyUsed]).toEqual([url, false]);

    const promise = client.models.retrieve('gpt-4o-mini');
    await promise;
    const late = await promise.asResponse();
    // The url is a property of this copy: its clone(), a plain Response, has none.
    expect(late.url).toBe(url);
    expect(await late.json()).toEqual(model);

    const error = await client.api.GET('/models/{model}', { params: { path: { model: 'gone' } } });
    expect([error.response.status, error.response.url]).toEqual([404, `${server.url}/v1/models/gone`]);
  });
});

describe('a fetch that throws', () => {
  it.each([
    ['an Error without a cause', () => new Error('socket hang up'), 'Connection error: socket hang up'],
    [
      'an Error whose cause is not an Error',
      () => new Error('socket hang up', { cause: 'ECONNRESET' }),
      'Connection error: socket hang up',
    ],
    ['something that is not an Error', () => 'the proxy refused', 'Connection error: the proxy refused'],
  ])('%s: the message says what it threw, and nothing more', async (_, thrown, message) => {
    const error = thrown();
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: () => Promise.reject(error),
    });
    await expect(client.models.retrieve('m')).rejects.toMatchObject({
      name: 'APIConnectionError',
      message,
      cause: error,
    });
  });

  it('a connection failure: the message names the failure and its cause', async () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    const error = await failure(clientWith(() => Promise.reject(cause), { maxRetries: 0 }).models.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:9');
    expect((error as Error).cause).toBe(cause);
  });
});
