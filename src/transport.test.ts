/**
 * Failure behaviour over a real socket: a local HTTP server on 127.0.0.1
 * answers each test's script, and the test asserts what the client threw,
 * how often it asked, and how long it waited.
 */
import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedId } from '../contract-tests/support/arbitraries.js';
import { json, localServer, type Handler, type LocalServer } from '../contract-tests/support/local-server.js';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseValidationError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
  type ClientOptions,
} from './index.js';

const KEY = 'sk-transport-test-0123456789';
const model = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };
const modelNotFound = {
  error: { message: 'The model `x` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, options: ClientOptions = {}): Promise<{ client: OpenAI; server: LocalServer }> {
  server = await localServer(handler);
  return { client: new OpenAI({ apiKey: KEY, baseURL: `${server.url}/v1`, ...options }), server };
}

/** Answers the scripted responses in turn, then repeats the last. */
function sequence(...steps: ((res: ServerResponse) => void)[]): Handler {
  return (_req, res, _seen, index) => (steps[Math.min(index, steps.length - 1)] ?? (() => res.end()))(res);
}
const ok = (res: ServerResponse) => json(res, 200, model, { 'x-request-id': 'req_ok' });
const status = (code: number, headers: Record<string, string> = {}, body: unknown = { error: { message: `status ${code}`, type: 'server_error', param: null, code: null } }) =>
  (res: ServerResponse) => json(res, code, body, headers);

async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

async function timed<T>(fn: () => PromiseLike<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

describe('retries', () => {
  it.each([
    ['retry-after-ms', { 'retry-after-ms': '120' }, 120],
    ['retry-after in seconds', { 'retry-after': '0.2' }, 200],
  ])('waits as %s says after a 429, then succeeds', async (_name, headers, waitMs) => {
    const { client, server } = await serve(sequence(status(429, headers), ok));
    const [result, elapsed] = await timed(() => client.models.retrieve('gpt-4o-mini'));
    expect(result).toEqual(model);
    expect(server.seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(waitMs - 5);
    expect(elapsed).toBeLessThan(waitMs + 1500);
  });

  it('waits until the HTTP date of retry-after after a 429', async () => {
    const at = new Date(Math.ceil((Date.now() + 1100) / 1000) * 1000);
    const { client, server } = await serve(sequence(status(429, { 'retry-after': at.toUTCString() }), ok));
    await client.models.retrieve('gpt-4o-mini');
    expect(server.seen).toHaveLength(2);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 5);
  });

  it('retries a 500 twice (the default) and then succeeds, backing off 0.5 s then 1 s less jitter', async () => {
    const { client, server } = await serve(sequence(status(500), status(500), ok));
    const [result, elapsed] = await timed(() => client.models.retrieve('gpt-4o-mini'));
    expect(result).toEqual(model);
    expect(server.seen).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(0.75 * 500 + 0.75 * 1000 - 5);
    expect(elapsed).toBeLessThan(500 + 1000 + 1500);
  });

  it('gives up after maxRetries with the last error, here a RateLimitError', async () => {
    const { client, server } = await serve(sequence(status(429, { 'retry-after-ms': '10' })), { maxRetries: 3 });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.seen).toHaveLength(4);
  });

  it('takes maxRetries per request over the client setting', async () => {
    const { client, server } = await serve(sequence(status(503, { 'retry-after-ms': '10' })));
    expect(await failure(client.models.retrieve('x', { maxRetries: 0 }))).toBeInstanceOf(InternalServerError);
    expect(server.seen).toHaveLength(1);
  });

  it('does not retry what x-should-retry: false forbids, nor a 401', async () => {
    const { client, server } = await serve(sequence(status(503, { 'x-should-retry': 'false' }), status(401)));
    expect(await failure(client.models.list())).toBeInstanceOf(InternalServerError);
    expect(await failure(client.models.list())).toBeInstanceOf(AuthenticationError);
    expect(server.seen).toHaveLength(2);
  });

  it('retries a connection reset, then reports APIConnectionError with the cause', async () => {
    const { client, server } = await serve((req) => void req.socket.destroy(), { maxRetries: 1 });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    if (!(error instanceof APIConnectionError)) return;
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^Connection error: fetch failed/);
    expect(server.seen).toHaveLength(2);
  });

  it('recovers from a reset followed by a good answer', async () => {
    const { client, server } = await serve(sequence((res) => res.socket?.destroy(), ok));
    expect(await client.models.retrieve('gpt-4o-mini')).toEqual(model);
    expect(server.seen).toHaveLength(2);
  });
});

describe('client.api (openapi-fetch) shares the loop', () => {
  it('retries a 503 then returns the data, with the same auth', async () => {
    const { client, server } = await serve(sequence(status(503, { 'retry-after-ms': '10' }), ok));
    const { data, error } = await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });
    expect(error).toBeUndefined();
    expect(data).toEqual(model);
    expect(server.seen.map((s) => s.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
  });

  it("honours the caller's signal passed to client.api", async () => {
    const { client } = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.api.GET('/models', { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('times out a stalled body too', async () => {
    const { client } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
    }, { timeout: 150, maxRetries: 0 });
    await expect(client.api.GET('/models')).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a server that never answers, once per attempt', async () => {
    const { client, server } = await serve(() => {}, { timeout: 150, maxRetries: 1 });
    const [error, elapsed] = await timed(() => failure(client.models.list()));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out.');
    expect(server.seen).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(2 * 150 + 375 - 10);
    expect(elapsed).toBeLessThan(3000);
  });

  it('counts reading the body in the timeout (headers sent, body stalls)', async () => {
    const { client } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": "gpt');
      },
      { timeout: 200, maxRetries: 0 },
    );
    const [error, elapsed] = await timed(() => failure(client.models.retrieve('gpt-4o-mini')));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(elapsed).toBeLessThan(2000);
  });

  it('takes the timeout per request', async () => {
    const { client } = await serve(() => {}, { timeout: 60_000, maxRetries: 0 });
    expect(await failure(client.models.list({ timeout: 100 }))).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("stops at once when the caller aborts during a backoff wait", async () => {
    const { client, server } = await serve(sequence(status(429, { 'retry-after': '30' })));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 100);
    const [error, elapsed] = await timed(() => failure(client.models.list({ signal: controller.signal })));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).cause).toEqual(new Error('user gave up'));
    expect(elapsed).toBeLessThan(1000);
    expect(server.seen).toHaveLength(1);
  });

  it('aborts a request in flight as APIUserAbortError, not a timeout', async () => {
    const { client } = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client.models.retrieve('x', { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { client, server } = await serve(sequence(ok));
    expect(await failure(client.models.list({ signal: AbortSignal.abort() }))).toBeInstanceOf(APIUserAbortError);
    expect(server.seen).toHaveLength(0);
  });
});

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
    ), { maxRetries: 0 });
    expect((await failure(client.models.list()) as Error).message).toBe('404 Not Found');
    expect((await failure(client.models.list()) as Error).message).toBe('404 Route not resolved: no path matched');
    expect((await failure(client.models.list()) as Error).message).toBe('418 {"unexpected":true}');
    expect((await failure(client.models.list()) as Error).message).toBe('400 model is required');
    expect((await failure(client.models.list()) as Error).message).toBe('422 bad input');
  });
});

describe('secrets', () => {
  it('never shows the API key, even when a proxy echoes it back', async () => {
    const { client } = await serve((req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream refused request with headers ${JSON.stringify(req.headers)}`);
    }, { maxRetries: 0 });
    const error = await failure(client.models.list());
    const { inspect } = await import('node:util');
    for (const text of [String(error), (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(KEY);
    }
    expect((error as Error).message).toContain('[REDACTED]');
  });
});

describe('secrets in garbled 2xx answers', () => {
  it('scrubs the key from a wrong-shape or non-JSON 200 that echoes it', async () => {
    const { client } = await serve(sequence(
      (res) => json(res, 200, { object: 'list', data: 'nope', echo: KEY }),
      (res) => void res.writeHead(200).end(`<html>${KEY}</html>`),
    ));
    for (const error of [await failure(client.models.list()), await failure(client.models.list())]) {
      expect(error).toBeInstanceOf(APIResponseValidationError);
      const { inspect } = await import('node:util');
      expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`).not.toContain(KEY);
    }
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
