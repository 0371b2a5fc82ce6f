/**
 * Timeouts and cancellation: one timer per attempt, which counts reading
 * the body too, and the caller's AbortSignal (before the call, during a
 * request, during the wait before a retry), on resource calls and client.api
 * alike; the errors they end in carry their cause.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startHostileServer,
  type HostileCase,
  type HostileServer,
  allStreamsStopped,
} from '../__tests__/hostile-server.js';
import {
  clientWith,
  closeServer,
  failure,
  KEY,
  model,
  modelResponse,
  ok,
  sequence,
  serve,
  status,
  timed,
} from '../__tests__/transport-harness.js';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from '../index.js';

afterEach(closeServer);

describe('client.api (openapi-fetch) shares the loop', () => {
  it("honours the caller's signal passed to client.api", async () => {
    const { client } = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.api.GET('/models', { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('times out a stalled body too', async () => {
    const { client } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
      },
      { timeout: 150, maxRetries: 0 },
    );
    await expect(client.api.GET('/models')).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('times out a body that stalls after exactly maxResponseSize bytes: the limit reached is not the end', async () => {
    const { client } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id"');
      },
      { timeout: 150, maxRetries: 0, maxResponseSize: 5 },
    );
    const raw = await client.models.retrieve('gpt-4o-mini').asResponse();
    await expect(raw.text()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
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

  it("fires a 6 s timeout while the body still drips in: never early, late only by the event loop's lag", async () => {
    const { client } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id": "gpt');
        // A byte every 100 ms: the body is still arriving when the timeout is due.
        const drip = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(drip));
      },
      { timeout: 6000, maxRetries: 0 },
    );
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const [error, elapsed] = await timed(() => failure(client.models.retrieve('gpt-4o-mini')));
    lag.disable();
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(6000);
    // The histogram's max (ns) is the longest the loop was held up; 50 ms covers sending the request and settling.
    expect(elapsed - 6000).toBeLessThanOrEqual(lag.max / 1e6 + 50);
  }, 20_000);

  it('takes the timeout per request', async () => {
    const { client } = await serve(() => {}, { timeout: 60_000, maxRetries: 0 });
    expect(await failure(client.models.list({ timeout: 100 }))).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('stops at once when the caller aborts during a backoff wait', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    // Abort only once the 429 is on its way, so the client is in its 30 s wait
    // whatever the machine's load (a fixed timer could fire before the request left).
    const { client, server } = await serve((_req, res) => {
      status(429, { 'retry-after': '30' })(res);
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort(new Error('user gave up'));
      }, 50);
    });
    const error = await failure(client.models.list({ signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).cause).toEqual(new Error('user gave up'));
    expect(performance.now() - abortedAt).toBeLessThan(1000);
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

describe('errors carry their cause', () => {
  it('a signal aborted before the call: APIUserAbortError with the reason, nothing sent', async () => {
    const fetch = vi.fn(async () => modelResponse());
    const reason = new Error('user left');
    const error = await failure(
      clientWith(fetch).models.retrieve('gpt-4o-mini', { signal: AbortSignal.abort(reason) }),
    );
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
      (_request, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
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
});

describe('a body that trickles one byte a second', () => {
  // The hostile server of transport.limits.test.ts, for its one case that the timeout ends.
  const MiB = 1024 * 1024;
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(() => server.stop());

  const client = (name: HostileCase, options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
    new OpenAI({ apiKey: KEY, baseURL: server.baseURL(name), maxRetries: 0, maxResponseSize: MiB, ...options });

  it('is ended by the timeout', async () => {
    const started = Date.now();
    const error = await failure(client('trickle', { timeout: 1500 }).models.list());
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(4000);
    await allStreamsStopped(server);
  });
});
