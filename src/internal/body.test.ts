import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIResponseTooLargeError } from '../errors.js';
import { ERROR_BODY_LIMIT, readBody } from './body.js';

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

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('readBody', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads a body of exactly the limit, decoding characters split across chunks', async () => {
    const { response } = streamed(['{"id":"caf', new Uint8Array([0xc3]), new Uint8Array([0xa9]), '"}']);
    expect(await readBody(response, 14, KEY)).toEqual({ text: '{"id":"café"}', truncated: false });
    // Split between the first chunk, held back undecoded, and the second.
    const bytes = new TextEncoder().encode('{"id":"café"}');
    const split = streamed([bytes.subarray(0, 11), bytes.subarray(11)]);
    expect(await readBody(split.response, 14, KEY)).toEqual({ text: '{"id":"café"}', truncated: false });
  });

  it('stops one byte over the limit, cancels the rest and names the limit', async () => {
    const { response, state } = streamed(['12345', '67890', 'never read'], { headers: { 'x-request-id': 'req_big' } });
    const error = await failure(readBody(response, 9, KEY));
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limit: 9, requestID: 'req_big' });
    expect((error as Error).message).toBe(
      "200 response body is larger than maxResponseSize (9 bytes); raise it if the answer is genuine.",
    );
    expect(state).toEqual({ pulled: 2, cancelled: true });
  });

  it('refuses a content-length over the limit before reading a byte', async () => {
    const { response, state } = streamed(['x'], { headers: { 'content-length': '8589934592' } });
    const error = await failure(readBody(response, 1024, KEY));
    expect((error as Error).message).toMatch(/^200 response body of 8589934592 bytes \(content-length\) is larger than maxResponseSize \(1024 bytes\)/);
    expect(state).toEqual({ pulled: 0, cancelled: true });
  });

  it('cuts an error body at 64 KiB instead, whatever the limit, and keeps its start', async () => {
    const chunk = 'e'.repeat(40 * 1024);
    const { response, state } = streamed([chunk, chunk, chunk], { status: 500, headers: { 'content-length': String(3 * chunk.length) } });
    const { text, truncated } = await readBody(response, 32 * 1024 * 1024, KEY);
    expect({ length: text.length, truncated }).toEqual({ length: ERROR_BODY_LIMIT, truncated: true });
    expect(state).toEqual({ pulled: 2, cancelled: true });
  });

  it('decodes a body of one chunk without a decoder of its own; one of more chunks gets one', async () => {
    let made = 0;
    vi.stubGlobal(
      'TextDecoder',
      class extends TextDecoder {
        constructor() {
          super();
          made++;
        }
      },
    );
    expect(await readBody(streamed(['{"id":"café"}']).response, 100, KEY)).toEqual({ text: '{"id":"café"}', truncated: false });
    expect(made).toBe(0);
    expect(await readBody(streamed(['{"id":', '"café"}']).response, 100, KEY)).toEqual({ text: '{"id":"café"}', truncated: false });
    expect(made).toBe(1);
  });

  it('ends a body cut inside a character with U+FFFD, in one chunk or several', async () => {
    const cut = new Uint8Array([0x22, 0xc3]);
    expect((await readBody(streamed([cut]).response, 100, KEY)).text).toBe('"\ufffd');
    expect((await readBody(streamed(['"caf', cut]).response, 100, KEY)).text).toBe('"caf"\ufffd');
  });

  it('cuts an error body that goes over 64 KiB in its first chunk', async () => {
    const { response, state } = streamed(['é'.repeat(ERROR_BODY_LIMIT)], { status: 502 });
    const { text, truncated } = await readBody(response, 32 * 1024 * 1024, KEY);
    expect({ text, truncated }).toEqual({ text: 'é'.repeat(ERROR_BODY_LIMIT / 2), truncated: true });
    expect(state).toEqual({ pulled: 1, cancelled: true });
  });

  it('reads an empty body', async () => {
    expect(await readBody(new Response(null, { status: 204 }), 1, KEY)).toEqual({ text: '', truncated: false });
    expect(await readBody(new Response(''), 1, KEY)).toEqual({ text: '', truncated: false });
  });
});
