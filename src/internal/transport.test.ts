import { describe, expect, it } from 'vitest';
import { APIResponseTooLargeError } from '../errors.js';
import { createTransport, ERROR_BODY_LIMIT, isIdempotent, retryDelayMs, shouldRetryStatus, wasCutAt } from './transport.js';

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
  it('is true for GET and DELETE (all three operations), false for POST and PATCH', () => {
    expect(['GET', 'delete', 'HEAD', 'PUT'].map(isIdempotent)).toEqual([true, true, true, true]);
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

const KEY = 'sk-body-0123456789abcdef';

/** A body served in `chunks`, recording how many were pulled and whether it was cancelled. */
function streamed(chunks: readonly (string | Uint8Array)[], init: ResponseInit = {}) {
  const state = { pulled: 0, cancelled: false };
  const bytes = chunks.map((chunk) => (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk));
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = bytes[state.pulled++];
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, init), state };
}

/** What the transport hands openapi-fetch for `response`, with `maxResponseSize` as given. */
function send(response: Response, maxResponseSize: number): Promise<Response> {
  const transport = createTransport({ fetch: async () => response, log: {}, secret: KEY });
  return transport(new Request('http://127.0.0.1:9/v1/models'), { timeout: 10_000, maxRetries: 0, maxResponseSize });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('the body of a 2xx', () => {
  it('reads a body of exactly the limit, decoding characters split across chunks', async () => {
    const { response } = streamed(['{"id":"caf', new Uint8Array([0xc3]), new Uint8Array([0xa9]), '"}']);
    expect(await (await send(response, 14)).text()).toBe('{"id":"café"}');
  });

  it('is not read before someone asks', async () => {
    const { response, state } = streamed(['{}']);
    const guarded = await send(response, 14);
    expect(state.pulled).toBe(0);
    expect(await guarded.text()).toBe('{}');
  });

  it('stops one byte over the limit, cancels the rest and names the limit', async () => {
    const { response, state } = streamed(['12345', '67890', 'never read'], { headers: { 'x-request-id': 'req_big' } });
    const error = await failure((await send(response, 9)).text());
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limit: 9, requestID: 'req_big' });
    expect((error as Error).message).toBe('200 response body is larger than maxResponseSize (9 bytes); raise it if the answer is genuine.');
    expect(state).toEqual({ pulled: 2, cancelled: true });
  });

  it('refuses a content-length over the limit before reading a byte', async () => {
    const { response, state } = streamed(['x'], { headers: { 'content-length': '8589934592' } });
    const error = await failure(send(response, 1024));
    expect((error as Error).message).toMatch(/^200 response body of 8589934592 bytes \(content-length\) is larger than maxResponseSize \(1024 bytes\)/);
    expect(state).toEqual({ pulled: 0, cancelled: true });
  });

  it('keeps the url of the answer', async () => {
    const response = streamed(['{}']).response;
    Object.defineProperty(response, 'url', { value: 'http://127.0.0.1:9/v1/models' });
    expect((await send(response, 100)).url).toBe('http://127.0.0.1:9/v1/models');
  });
});

describe('the body of an error answer', () => {
  it('is read whole when short, and not cut', async () => {
    const error = await send(streamed(['{"error":', '{"message":"café"}}'], { status: 404 }).response, 100);
    expect([error.status, await error.text(), wasCutAt(error)]).toEqual([404, '{"error":{"message":"café"}}', undefined]);
  });

  it('is cut at 64 KiB, whatever the limit, and keeps its start', async () => {
    const chunk = 'e'.repeat(40 * 1024);
    const { response, state } = streamed([chunk, chunk, chunk], { status: 500, headers: { 'content-length': String(3 * chunk.length) } });
    const error = await send(response, 32 * 1024 * 1024);
    expect([(await error.text()).length, wasCutAt(error)]).toEqual([ERROR_BODY_LIMIT, ERROR_BODY_LIMIT]);
    expect(state).toEqual({ pulled: 2, cancelled: true });
  });

  it('is cut at a smaller maxResponseSize, and says where', async () => {
    const error = await send(streamed(['x'.repeat(100)], { status: 500 }).response, 10);
    expect([await error.text(), wasCutAt(error)]).toEqual(['x'.repeat(10), 10]);
  });

  it('ends with U+FFFD when cut inside a character, in its first chunk', async () => {
    const { response, state } = streamed(['é'.repeat(ERROR_BODY_LIMIT)], { status: 502 });
    const error = await send(response, 32 * 1024 * 1024);
    expect(await error.text()).toBe('é'.repeat(ERROR_BODY_LIMIT / 2));
    expect(state).toEqual({ pulled: 1, cancelled: true });
    const odd = await send(streamed(['"caf', new Uint8Array([0xc3, 0xa9])], { status: 500 }).response, 5);
    expect(await odd.text()).toBe('"caf\ufffd');
  });

  it('is scrubbed of a start of the key where it was cut', async () => {
    const error = await send(streamed([`${'x'.repeat(90)}${KEY}`], { status: 500 }).response, 100);
    expect(await error.text()).toBe(`${'x'.repeat(90)}[REDACTED]`);
  });

  it('may be empty', async () => {
    expect(await (await send(new Response(null, { status: 500 }), 1)).text()).toBe('');
    expect(await (await send(new Response('', { status: 500 }), 1)).text()).toBe('');
  });
});
