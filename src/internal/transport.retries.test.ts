/**
 * When the transport retries, and how long it waits first: the policy
 * (shouldRetryStatus, isIdempotent, retryDelayMs), then over a real socket
 * the retries of error statuses and connection resets, maxRetries per client
 * and per request, and client.api sharing the loop. An abort during the wait
 * before a retry: transport.timeouts.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientWith,
  closeServer,
  errorResponse,
  failure,
  KEY,
  model,
  ok,
  sequence,
  serve,
  status,
  timed,
} from '../__tests__/transport-harness.js';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from '../index.js';
import { isIdempotent, retryDelayMs, shouldRetryStatus } from './retry.js';

afterEach(closeServer);

const h = (init: Record<string, string> = {}) => new Headers(init);

describe('shouldRetryStatus', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(shouldRetryStatus(status, h())).toBe(true);
  });
  it.each([400, 401, 403, 404, 422])('does not retry %i', (status) => {
    expect(shouldRetryStatus(status, h())).toBe(false);
  });
  it('lets x-should-retry override the status', () => {
    expect(shouldRetryStatus(400, h({ 'x-should-retry': 'true' }))).toBe(true);
    expect(shouldRetryStatus(503, h({ 'x-should-retry': 'false' }))).toBe(false);
  });
});

describe('isIdempotent', () => {
  it('is true for the methods HTTP calls idempotent, whatever their case; false for POST and PATCH', () => {
    expect(['GET', 'delete', 'HEAD', 'PUT', 'OPTIONS', 'trace'].map(isIdempotent)).toEqual(Array(6).fill(true));
    expect(['POST', 'PATCH'].map(isIdempotent)).toEqual([false, false]);
  });
});

describe('retryDelayMs', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const noJitter = () => 0;
  const fullJitter = () => 0.999999;

  it('uses retry-after-ms first', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
  });
  it('uses retry-after in seconds, fractions included', () => {
    expect(retryDelayMs(0, h({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryDelayMs(0, h({ 'retry-after': '0.25' }), now)).toBe(250);
  });
  it('uses retry-after as an HTTP date', () => {
    expect(retryDelayMs(0, h({ 'retry-after': 'Sun, 22 Nov 2026 10:00:03 GMT' }), now)).toBe(3000);
  });
  it('backs off exponentially from 0.5 s to a cap of 8 s without usable headers', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, h(), now, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
  it('takes off at most 25% jitter', () => {
    expect(retryDelayMs(1, undefined, now, fullJitter)).toBeGreaterThan(750);
    expect(retryDelayMs(1, undefined, now, fullJitter)).toBeLessThanOrEqual(1000);
  });
  it.each([
    ['retry-after', '120'],
    ['retry-after', '-1'],
    ['retry-after', 'soon'],
    ['retry-after', 'Sun, 22 Nov 2026 11:00:00 GMT'],
    ['retry-after-ms', '60000'],
    ['retry-after-ms', 'abc'],
  ])('ignores %s: %s (out of [0, 60 s) or unreadable) and backs off instead', (name, value) => {
    expect(retryDelayMs(0, h({ [name]: value }), now, noJitter)).toBe(500);
  });
});

describe('retryDelayMs: blank and zero waits', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const h = (headers: Record<string, string>) => new Headers(headers);
  it('takes retry-after-ms: 0 at its word (retry at once)', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '0' }), now, () => 0)).toBe(0);
  });
  it('skips a blank retry-after-ms for retry-after, and a blank retry-after for the backoff', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '', 'retry-after': '3' }), now, () => 0)).toBe(3000);
    expect(retryDelayMs(1, h({ 'retry-after': '' }), now, () => 0)).toBe(1000);
    expect(retryDelayMs(1, h({ 'retry-after-ms': ' ', 'retry-after': ' ' }), now, () => 0)).toBe(1000);
  });
});

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

  it('a request with a body is sent whole again on a retry', async () => {
    const { client, server } = await serve(sequence(status(500, { 'retry-after-ms': '1' }), ok), { maxRetries: 1 });
    client.api.use({
      onRequest: ({ request }) =>
        new Request(request.url, { method: 'DELETE', headers: request.headers, body: '{"reason":"cleanup"}' }),
    });
    const { response } = await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });
    expect(response.status).toBe(200);
    expect(server.seen.map((seen) => [seen.method, seen.body])).toEqual([
      ['DELETE', '{"reason":"cleanup"}'],
      ['DELETE', '{"reason":"cleanup"}'],
    ]);
  });

  it('a final error after retries still comes back typed', async () => {
    const client = clientWith(async () => errorResponse(500, { 'retry-after-ms': '1' }), { maxRetries: 1 });
    expect(await failure(client.models.retrieve('gpt-4o-mini'))).toBeInstanceOf(InternalServerError);
    expect(await failure(clientWith(async () => errorResponse(404)).models.retrieve('x'))).toBeInstanceOf(
      NotFoundError,
    );
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
});
