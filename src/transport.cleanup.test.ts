/**
 * What a call leaves behind and what it reports: once it settles, no timer is
 * pending and nothing is attached to the caller's AbortSignal, on every road
 * out of the request loop; errors carry their cause; log lines say what
 * happened. Leaked timers and listeners only show under load, so they are
 * counted here (the timers a call started and Node saw end, the signal's listeners).
 */
import { createHook } from 'node:async_hooks';
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeServer, failure, KEY, model, ok, sequence, serve, status } from './__tests__/transport-harness.js';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, InternalServerError, NotFoundError, type Logger } from './index.js';

afterEach(closeServer);

/**
 * Runs `call` and counts the timers it started that are still pending, and
 * still hold the process open, once it has settled. Only the call's own
 * timers count: the runner's are not ours.
 */
async function timersLeftBy<T>(call: () => Promise<T>): Promise<{ result: T; left: number }> {
  const pending = new Map<number, NodeJS.Timeout>();
  const hook = createHook({
    init: (id, type, _trigger, resource) => void (type === 'Timeout' && pending.set(id, resource as NodeJS.Timeout)),
    destroy: (id) => void pending.delete(id),
  }).enable();
  try {
    const result = await call();
    // Node reports a cleared or fired timer's end on a later turn.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    return { result, left: [...pending.values()].filter((timer) => timer.hasRef()).length };
  } finally {
    hook.disable();
  }
}

function clientWith(fetch: (request: Request, init?: RequestInit) => Promise<Response>, options: ConstructorParameters<typeof OpenAI>[0] = {}) {
  return new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: fetch as typeof globalThis.fetch, ...options });
}

const modelResponse = (): Response => Response.json(model, { headers: { 'x-request-id': 'req_1' } });
const errorResponse = (code: number, headers: Record<string, string> = {}): Response =>
  Response.json({ error: { message: `status ${code}`, type: 'server_error', param: null, code: null } }, { status: code, headers });

describe('nothing is left running once a call settles', () => {
  const roads: [string, () => Promise<Response>, (client: OpenAI, signal: AbortSignal) => Promise<unknown>][] = [
    ['a parsed 200', async () => modelResponse(), (client, signal) => client.models.retrieve('gpt-4o-mini', { signal })],
    // The attempt, and its timeout, lasts until the body is read.
    ['a raw 200 (asResponse), read', async () => modelResponse(), async (client, signal) => (await client.models.retrieve('gpt-4o-mini', { signal }).asResponse()).text()],
    ['a final 404', async () => errorResponse(404), (client, signal) => client.models.retrieve('nope', { signal }).catch((e: unknown) => e)],
    ['a connection failure', () => Promise.reject(new TypeError('fetch failed')), (client, signal) => client.models.retrieve('x', { signal }).catch((e: unknown) => e)],
    ['client.api', async () => modelResponse(), (client, signal) => client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } }, signal })],
  ];

  it.each(roads)('%s: no timer, no listener on the signal', async (name, answer, call) => {
    const client = clientWith(answer, { maxRetries: 0 });
    const controller = new AbortController();
    expect((await timersLeftBy(() => call(client, controller.signal))).left).toBe(0);
    // client.api hands the signal to `new Request()`, whose own signal follows it (undici's listener, not ours).
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(name === 'client.api' ? 1 : 0);
  });

  it('a retried 500: the first attempt and the wait between both cleaned up', async () => {
    const answers = [errorResponse(500, { 'retry-after-ms': '1' }), modelResponse()];
    const client = clientWith(async () => answers.shift() ?? modelResponse(), { maxRetries: 1 });
    const controller = new AbortController();
    const { result, left } = await timersLeftBy(() => client.models.retrieve('gpt-4o-mini', { signal: controller.signal }));
    expect(result).toEqual(model);
    expect(answers).toHaveLength(0);
    expect(left).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('an abort during the wait before a retry ends the wait at once and leaves no timer', async () => {
    const controller = new AbortController();
    const client = clientWith(
      async () => {
        setTimeout(() => controller.abort('stop'), 20);
        return errorResponse(503, { 'retry-after-ms': '30000' });
      },
      { maxRetries: 1 },
    );
    const started = Date.now();
    const { result: error, left } = await timersLeftBy(() => failure(client.models.retrieve('gpt-4o-mini', { signal: controller.signal })));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe('stop');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(left).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('an abort while a retried answer is being discarded stops before the wait', async () => {
    const controller = new AbortController();
    let calls = 0;
    const client = clientWith(
      async () => {
        calls++;
        const body = new ReadableStream({ cancel: () => controller.abort('gave up') });
        return new Response(body, { status: 500, headers: { 'retry-after-ms': '30000' } });
      },
      { maxRetries: 2 },
    );
    const { result: error, left } = await timersLeftBy(() => failure(client.models.retrieve('gpt-4o-mini', { signal: controller.signal })));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe('gave up');
    expect(calls).toBe(1);
    expect(left).toBe(0);
  });
});

describe('errors carry their cause', () => {
  it('a signal aborted before the call: APIUserAbortError with the reason, nothing sent', async () => {
    const fetch = vi.fn(async () => modelResponse());
    const reason = new Error('user left');
    const error = await failure(clientWith(fetch).models.retrieve('gpt-4o-mini', { signal: AbortSignal.abort(reason) }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).message).toBe('Request was aborted.');
    expect((error as Error).cause).toBe(reason);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an abort during the request: APIUserAbortError with the reason', async () => {
    const controller = new AbortController();
    const client = clientWith(
      (_request, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          controller.abort('changed my mind');
        }),
    );
    const error = await failure(client.models.retrieve('gpt-4o-mini', { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe('changed my mind');
  });

  it('a timeout: APIConnectionTimeoutError caused by a TimeoutError that names the limit', async () => {
    const client = clientWith(
      (_request, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
      { timeout: 30, maxRetries: 0 },
    );
    const error = await failure(client.models.retrieve('gpt-4o-mini'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out.');
    const cause = (error as Error).cause as DOMException;
    expect(cause).toBeInstanceOf(DOMException);
    expect(cause.name).toBe('TimeoutError');
    expect(cause.message).toBe('Request timed out after 30 ms');
  });

  it('a long timeout: APIConnectionTimeoutError to the millisecond, not before', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      const client = clientWith(
        (_request, init) =>
          new Promise((_resolve, reject) => {
            signal = init?.signal ?? undefined;
            signal?.addEventListener('abort', () => reject(signal?.reason));
          }),
        { timeout: 60_000, maxRetries: 0 },
      );
      const settled = failure(client.models.retrieve('gpt-4o-mini'));
      await vi.advanceTimersByTimeAsync(59_999);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(signal?.aborted).toBe(true);
      const error = await settled;
      expect(error).toBeInstanceOf(APIConnectionTimeoutError);
      expect(((error as Error).cause as DOMException).message).toBe('Request timed out after 60000 ms');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a connection failure: the message names the failure and its cause', async () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    const error = await failure(clientWith(() => Promise.reject(cause), { maxRetries: 0 }).models.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:9');
    expect((error as Error).cause).toBe(cause);
  });
});

describe('the request loop', () => {
  it('.asResponse() hands back the response as soon as its headers arrive, the body unread', async () => {
    let pull = 0;
    const endless = new ReadableStream({ pull: (controller) => void controller.enqueue(new Uint8Array([0x20, pull++ & 0x7f])) }, { highWaterMark: 0 });
    const client = clientWith(async () => new Response(endless, { headers: { 'content-type': 'application/json' } }), { timeout: 2000 });
    const response = await client.models.retrieve('gpt-4o-mini').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(pull).toBe(0);
    await response.body?.cancel();
  });

  it('a request with a body is sent whole again on a retry', async () => {
    const { client, server } = await serve(sequence(status(500, { 'retry-after-ms': '1' }), ok), { maxRetries: 1 });
    client.api.use({
      onRequest: ({ request }) => new Request(request.url, { method: 'DELETE', headers: request.headers, body: '{"reason":"cleanup"}' }),
    });
    const { response } = await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });
    expect(response.status).toBe(200);
    expect(server.seen.map((seen) => [seen.method, seen.body])).toEqual([
      ['DELETE', '{"reason":"cleanup"}'],
      ['DELETE', '{"reason":"cleanup"}'],
    ]);
  });

  it('logs each request and response at debug, with the time taken, and each retry at info', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      error: (m) => lines.push(`error ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
      info: (m) => lines.push(`info ${m}`),
      debug: (m) => lines.push(`debug ${m}`),
    };
    const answers = [errorResponse(500, { 'retry-after-ms': '1' }), errorResponse(503, { 'retry-after-ms': '2' }), modelResponse()];
    const client = clientWith(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return answers.shift() ?? modelResponse();
      },
      { maxRetries: 2, logLevel: 'debug', logger },
    );
    await client.models.retrieve('gpt-4o-mini');
    const url = 'http://127.0.0.1:9/v1/models/gpt-4o-mini';
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`debug request GET ${url}`);
    expect(lines[1]).toMatch(new RegExp(`^debug response GET ${url} 500 in (\\d+) ms$`));
    const ms = Number(/in (\d+) ms/.exec(lines[1] ?? '')?.[1]);
    expect(ms).toBeGreaterThanOrEqual(55);
    expect(ms).toBeLessThan(5000);
    expect(lines[2]).toBe(`info retrying GET ${url} in 1 ms (2 left) after 500`);
    expect(lines[3]).toMatch(new RegExp(`^debug response GET ${url} 503 in \\d+ ms$`));
    expect(lines[4]).toBe(`info retrying GET ${url} in 2 ms (1 left) after 503`);
    expect(lines[5]).toMatch(new RegExp(`^debug response GET ${url} 200 in \\d+ ms$`));
  });

  it('a final error after retries still comes back typed', async () => {
    const client = clientWith(async () => errorResponse(500, { 'retry-after-ms': '1' }), { maxRetries: 1 });
    expect(await failure(client.models.retrieve('gpt-4o-mini'))).toBeInstanceOf(InternalServerError);
    expect(await failure(clientWith(async () => errorResponse(404)).models.retrieve('x'))).toBeInstanceOf(NotFoundError);
  });
});
