/**
 * The request loop over a real socket: retries and their waits, timeouts,
 * cancellation, and client.api sharing all of it. The tests assert what the
 * client threw, how often it asked, and how long it waited.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, failure, KEY, model, ok, sequence, serve, status, timed } from './__tests__/transport-harness.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
} from './index.js';

afterEach(closeServer);

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

  it('fires a 6 s timeout while the body still drips in: never early, late only by the event loop\'s lag', async () => {
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

  it("stops at once when the caller aborts during a backoff wait", async () => {
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
