/**
 * What comes back over a real socket: answers that are not what they should
 * be, what client.api makes of a 2xx, ids arriving as one path segment, and
 * the raw-response accessors. The key in answers: transport.secrets.test.ts.
 */
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedId } from '../contract-tests/support/arbitraries.js';
import { json } from '../contract-tests/support/local-server.js';
import { closeServer, failure, KEY, model, ok, sequence, serve, status } from './__tests__/transport-harness.js';
import { APIError, APIResponseValidationError, BadRequestError, InternalServerError, OpenAIError, Page } from './index.js';

afterEach(closeServer);

describe('answers that are not what they should be', () => {
  it('reports an HTML 502 from a proxy with what came back', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const { client } = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(html);
    }, { maxRetries: 0 });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(InternalServerError);
    if (!(error instanceof APIError)) return;
    expect(error.status).toBe(502);
    expect(error.message).toBe(`502 status code (body is not JSON: ${JSON.stringify(html.replace(/\s+/g, ' '))})`);
    expect(error.error).toBe(html);
  });

  it('reports an empty 500 as "(no body)"', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(500).end(), { maxRetries: 0 });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe('500 status code (no body)');
    expect((error as APIError).error).toBeUndefined();
  });

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
    const { client } = await serve((_req, res) => json(res, 200, { object: 'list', data: [{ id: 'a' }, { name: 'b' }] }));
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(APIResponseValidationError);
    expect((error as Error).message).toMatch(/^200 response body\.data\[1\] is not an object|^200 response body\.data\[1\]\.id is not a string/);
  });

  it('names a JSON error body nested too deeply to quote, instead of throwing RangeError', async () => {
    // 60 KB of brackets, within the 64 KiB read of an error body: JSON.parse reads them; JSON.stringify
    // gives up on Node 20-24 (the placeholder), not on 26 (the brackets themselves).
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const { client } = await serve((_req, res) => void res.writeHead(400, { 'x-request-id': 'req_deep' }).end(deep), { maxRetries: 0 });
    const error = await failure(client.models.retrieve('x'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ requestID: 'req_deep' });
    expect([`400 ${deep}`, '400 (JSON nested too deeply to show)']).toContain((error as Error).message);
  });

  it('leaves out a key of a list body named like a method of the page: it keeps its methods', async () => {
    const hostile = ['__proto__', 'constructor', 'toString', 'hasNextPage', 'getNextPage', 'getPaginatedItems', 'iterPages'];
    const fields = hostile.map((key) => `${JSON.stringify(key)}:{"x":1}`).join(',');
    const body = `{"object":"list","data":[${JSON.stringify(model)}],${fields},"has_more":false}`;
    const { client } = await serve((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    const page = await client.models.list();
    expect(page.hasNextPage()).toBe(false);
    expect(await failure(page.getNextPage())).toBeInstanceOf(OpenAIError);
    const ids: string[] = [];
    for await (const item of page) ids.push(item.id);
    expect(ids).toEqual([model.id]);
    expect([String(page), page instanceof Page]).toEqual(['[object Object]', true]);
    expect(JSON.stringify(page)).toBe(`{"object":"list","data":[${JSON.stringify(model)}],"has_more":false}`);
  });
  it('reports an empty 200', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(200).end());
    expect((await failure(client.models.retrieve('x')) as Error).message).toBe('200 response body is empty');
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

  it('words a compatible server\'s non-OpenAI error bodies sensibly', async () => {
    const { client } = await serve(sequence(
      status(404, {}, { detail: 'Not Found' }),
      status(404, {}, { type: 'about:blank', title: 'Route not resolved', detail: 'no path matched', status: 404 }),
      status(418, {}, { unexpected: true }),
      status(400, {}, { error: 'model is required' }),
      status(422, {}, { message: 'bad input' }),
      status(500, {}, 'upstream exploded'),
      status(500, {}, 42),
      status(500, {}, null),
      status(500, {}, ''),
    ), { maxRetries: 0 });
    expect((await failure(client.models.list()) as Error).message).toBe('404 Not Found');
    expect((await failure(client.models.list()) as Error).message).toBe('404 Route not resolved: no path matched');
    expect((await failure(client.models.list()) as Error).message).toBe('418 {"unexpected":true}');
    expect((await failure(client.models.list()) as Error).message).toBe('400 model is required');
    expect((await failure(client.models.list()) as Error).message).toBe('422 bad input');
    // openapi-fetch hands over a JSON string parsed, the same as a body that is no JSON: said as the latter.
    expect((await failure(client.models.list()) as Error).message).toBe('500 status code (body is not JSON: "upstream exploded")');
    expect((await failure(client.models.list()) as Error).message).toBe('500 42');
    expect((await failure(client.models.list()) as Error).message).toBe('500 null');
    expect((await failure(client.models.list()) as Error).message).toBe('500 status code (no body)');
  });

  it('keeps type, param and code only when the error object gives them as strings (or null)', async () => {
    const { client } = await serve(sequence(
      status(400, {}, { error: { message: 'odd', type: 42, param: 7, code: false } }),
      status(400, {}, { error: { message: 'usual', type: 'invalid_request_error', param: null, code: 'bad_model' } }),
    ), { maxRetries: 0 });
    const odd = (await failure(client.models.list())) as APIError;
    expect([odd.message, odd.type, odd.param, odd.code]).toEqual(['400 odd', undefined, undefined, undefined]);
    const usual = (await failure(client.models.list())) as APIError;
    expect([usual.message, usual.type, usual.param, usual.code]).toEqual(['400 usual', 'invalid_request_error', null, 'bad_model']);
  });
});

describe('client.api reads a 2xx as openapi-fetch does', () => {
  it('throws its SyntaxError for a 200 that is not JSON', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'), { maxRetries: 0 });
    const error = await failure(client.api.GET('/models/{model}', { params: { path: { model: 'x' } } }));
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('reads an empty 2xx sent chunked as no body, and a chunked JSON body whole', async () => {
    const { client } = await serve(sequence(
      (res) => void res.writeHead(200).end(),
      // A byte-order mark is dropped in decoding; a Latin-1 é becomes U+FFFD.
      (res) => void res.writeHead(200).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(model))])),
      (res) => void res.writeHead(200).end(Buffer.from(JSON.stringify({ ...model, id: 'caf\xe9' }), 'latin1')),
    ), { maxRetries: 0 });
    const get = () => client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect((await get()).data).toBeUndefined();
    expect((await get()).data).toEqual(model);
    expect((await get()).data).toEqual({ ...model, id: 'caf\ufffd' });
  });

  it('gives the text read when .asResponse() comes after the call was awaited', async () => {
    const text = JSON.stringify({ ...model, id: 'caf\ufffd' });
    const { client } = await serve((_req, res) => void res.writeHead(200).end(Buffer.from(JSON.stringify({ ...model, id: 'caf\xe9' }), 'latin1')), { maxRetries: 0 });
    const call = client.models.retrieve('x');
    await call;
    const copy = await call.asResponse();
    expect([copy.status, await copy.text()]).toEqual([200, text]);
  });

  it('keeps the content-length an answer came with, even one counting gzipped bytes', async () => {
    const gzipped = gzipSync(JSON.stringify(model));
    const { client } = await serve(
      (_req, res) => void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': gzipped.length }).end(gzipped),
      { maxRetries: 0 },
    );
    const { data, response } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(data).toEqual(model);
    expect(response.headers.get('content-length')).toBe(String(gzipped.length));
  });

  it('adds no content-length to an answer without a body, or to a chunked error', async () => {
    const { client } = await serve(sequence(
      (res) => void res.writeHead(204).end(),
      (res) => void res.writeHead(500, { 'x-request-id': 'req_chunked' }).end('{"error":{"message":"down"}}'),
    ), { maxRetries: 0 });
    const deleted = await client.api.DELETE('/models/{model}', { params: { path: { model: 'ft:x' } } });
    expect([deleted.response.status, deleted.response.headers.get('content-length')]).toEqual([204, null]);
    const failed = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect([failed.response.status, failed.response.headers.get('content-length'), failed.error]).toEqual([500, null, { error: { message: 'down' } }]);
  });

  it('lets an error answer copied by a middleware fail to parse as any Response does', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(502).end('<html>'), { maxRetries: 0 });
    let parsed: unknown;
    client.api.use({
      async onResponse({ response }) {
        parsed = await response.clone().json().catch((error: unknown) => error);
      },
    });
    await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(parsed).toBeInstanceOf(SyntaxError);
  });

  it('still hands the text to a caller who asks for text', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'), { maxRetries: 0 });
    const { data } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } }, parseAs: 'text' });
    expect(data).toBe('<html></html>');
  });
});

describe('ids over the wire (property)', () => {
  it('any accepted id arrives as exactly one path segment that decodes back to itself', async () => {
    const { client, server } = await serve((req, res) => {
      json(res, 200, { ...model, id: decodeURIComponent((req.url ?? '').slice('/v1/models/'.length)) });
    });
    await fc.assert(
      fc.asyncProperty(acceptedId, async (id) => {
        const before = server.seen.length;
        const got = await client.models.retrieve(id);
        const url = server.seen[before]?.url ?? '';
        const segments = url.split('?')[0]?.split('/') ?? [];
        expect(segments.slice(0, 3)).toEqual(['', 'v1', 'models']);
        expect(segments).toHaveLength(4);
        expect(got.id).toBe(id);
      }),
      { numRuns: 300 },
    );
  });
});

describe('raw responses', () => {
  it('asResponse() gives the Response with its body unread', async () => {
    const { client } = await serve(sequence(ok));
    const response = await client.models.retrieve('gpt-4o-mini').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(model);
  });

  it('asResponse() first, then withResponse() and await: one request, both bodies readable', async () => {
    const { client, server } = await serve(sequence(ok));
    const promise = client.models.retrieve('gpt-4o-mini');
    const raw = await promise.asResponse();
    const { data, requestID } = await promise.withResponse();
    expect(data).toEqual(model);
    expect(requestID).toBe('req_ok');
    expect(await promise).toBe(data);
    expect(await raw.json()).toEqual(model);
    expect(server.seen).toHaveLength(1);
  });

  it('asResponse() read or locked first, then await: a clear OpenAIError, not a bare TypeError', async () => {
    const { client } = await serve(sequence(ok, ok));
    const message = 'The body from .asResponse() was already read or locked; await the call first to have both.';
    const read = client.models.retrieve('gpt-4o-mini');
    expect(await (await read.asResponse()).json()).toEqual(model);
    expect(await failure(read)).toMatchObject({ constructor: OpenAIError, message });
    const locked = client.models.retrieve('gpt-4o-mini');
    const reader = (await locked.asResponse()).body?.getReader();
    expect(await failure(locked)).toMatchObject({ constructor: OpenAIError, message });
    await reader?.cancel();
  });

  it('withResponse() gives data, response and request id; await gives the same data', async () => {
    const { client, server } = await serve(sequence(ok));
    const promise = client.models.retrieve('gpt-4o-mini');
    const { data, response, requestID, request_id } = await promise.withResponse();
    expect(data).toEqual(model);
    expect(response.headers.get('x-request-id')).toBe('req_ok');
    expect([requestID, request_id, data._request_id]).toEqual(['req_ok', 'req_ok', 'req_ok']);
    expect(JSON.stringify(data)).toBe(JSON.stringify(model));
    expect(await promise).toBe(data);
    expect(server.seen).toHaveLength(1);
  });

  it('sends a call nobody awaits (as the official SDK does)', async () => {
    const { client, server } = await serve(sequence(ok));
    void client.models.delete('ft:x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.seen.map((s) => s.method)).toEqual(['DELETE']);
  });
});
