/**
 * Bounded bodies: a 2xx body is read up to
 * maxResponseSize, an error body up to 64 KiB, and the transfer stops the
 * moment it goes past. First the guarded body the transport hands
 * openapi-fetch, then over a socket against the hostile server, with small
 * limits so each test reads little: on every road (the resource methods,
 * pages, client.api; the CLI's in cli/report.test.ts), not retried, set per client and per request.
 * The memory this bounds: transport.memory.test.ts; a body that trickles in:
 * transport.timeouts.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIG_LIST_SIZE,
  startHostileServer,
  type HostileCase,
  type HostileServer,
  allStreamsStopped,
} from '../__tests__/hostile-server.js';
import { failure, recording } from '../__tests__/transport-harness.js';
import OpenAI, { APIConnectionError, APIResponseTooLargeError, InternalServerError } from '../index.js';
import { createTransport, ERROR_BODY_LIMIT, wasCutAt } from './transport.js';

const KEY = 'sk-body-0123456789abcdef';

const MiB = 1024 * 1024;
let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.stop());

const client = (name: HostileCase, options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  new OpenAI({ apiKey: KEY, baseURL: server.baseURL(name), maxRetries: 0, maxResponseSize: MiB, ...options });

const model = { id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' };

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
  return transport.fetch(new Request('http://127.0.0.1:9/v1/models'), {
    timeout: 10_000,
    maxRetries: 0,
    maxResponseSize,
  });
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
    expect((error as Error).message).toBe(
      '200 response body is larger than maxResponseSize (9 bytes); raise it if the answer is genuine.',
    );
    expect(state).toEqual({ pulled: 2, cancelled: true });
  });

  it('refuses a content-length over the limit before reading a byte', async () => {
    const { response, state } = streamed(['x'], { headers: { 'content-length': '8589934592' } });
    const error = await failure(send(response, 1024));
    expect((error as Error).message).toMatch(
      /^200 response body of 8589934592 bytes \(content-length\) is larger than maxResponseSize \(1024 bytes\)/,
    );
    expect(state).toEqual({ pulled: 0, cancelled: true });
  });

  it('keeps the url of the answer', async () => {
    const response = streamed(['{}']).response;
    Object.defineProperty(response, 'url', { value: 'http://127.0.0.1:9/v1/models' });
    expect((await send(response, 100)).url).toBe('http://127.0.0.1:9/v1/models');
  });
});

describe('the body of a 2xx read by the resource methods (transport.read)', () => {
  /** What a resource method reads of `response`, sent through the transport, with `maxResponseSize` as given. */
  async function read(response: Response, maxResponseSize: number): Promise<string> {
    const transport = createTransport({ fetch: async () => response, log: {}, secret: KEY });
    const sent = await transport.send(new Request('http://127.0.0.1:9/v1/models'), {
      timeout: 10_000,
      maxRetries: 0,
      maxResponseSize,
    });
    expect(sent.response).toBe(response);
    return transport.read(sent.response, sent.attempt, maxResponseSize);
  }

  it("is fetch's own body, read whole up to the limit, characters split across chunks decoded", async () => {
    const { response } = streamed(['{"id":"caf', new Uint8Array([0xc3]), new Uint8Array([0xa9]), '"}']);
    expect(await read(response, 14)).toBe('{"id":"café"}');
  });

  it('stops one byte over the limit, cancels the rest and names the limit', async () => {
    const { response, state } = streamed(['12345', '67890', 'never read'], { headers: { 'x-request-id': 'req_big' } });
    const error = await failure(read(response, 9));
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limit: 9, requestID: 'req_big' });
    expect(state).toEqual({ pulled: 2, cancelled: true });
  });

  it('refuses a content-length over the limit before reading a byte', async () => {
    const { response, state } = streamed(['x'], { headers: { 'content-length': '8589934592' } });
    const error = await failure(read(response, 1024));
    expect((error as Error).message).toMatch(/^200 response body of 8589934592 bytes \(content-length\)/);
    expect(state).toEqual({ pulled: 0, cancelled: true });
  });

  it('reads an empty body as empty text', async () => {
    expect(await read(new Response(null), 10)).toBe('');
    expect(await read(new Response(''), 10)).toBe('');
  });

  it("turns a body that breaks into the attempt's typed error, and another's is left as it is", async () => {
    const broken = () =>
      new Response(new ReadableStream({ pull: (controller) => controller.error(new TypeError('terminated')) }));
    const error = await failure(read(broken(), 100));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Connection error: terminated');
    // A middleware's answer, with no attempt of the transport's behind it.
    const transport = createTransport({ fetch: async () => broken(), log: {}, secret: KEY });
    expect(await failure(transport.read(broken(), undefined, 100))).toBeInstanceOf(TypeError);
  });
});

describe('the body of an error answer', () => {
  it('is read whole when short, and not cut', async () => {
    const error = await send(streamed(['{"error":', '{"message":"café"}}'], { status: 404 }).response, 100);
    expect([error.status, await error.text(), wasCutAt(error)]).toEqual([
      404,
      '{"error":{"message":"café"}}',
      undefined,
    ]);
  });

  it('is read whole at exactly its limit, a character split across chunks decoded', async () => {
    const error = await send(
      streamed(['"caf', new Uint8Array([0xc3]), new Uint8Array([0xa9]), '"'], { status: 500 }).response,
      7,
    );
    expect([await error.text(), wasCutAt(error)]).toEqual(['"café"', undefined]);
  });

  it('is cut at 64 KiB, whatever the limit, and keeps its start', async () => {
    const chunk = 'e'.repeat(40 * 1024);
    const { response, state } = streamed([chunk, chunk, chunk], {
      status: 500,
      headers: { 'content-length': String(3 * chunk.length) },
    });
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

describe('a body over maxResponseSize', () => {
  it.each<HostileCase>(['endless-string', 'gzip-bomb', 'br-bomb', 'deflate-bomb', 'huge-length'])(
    '%s: stops reading, closes the connection, names the limit',
    async (name) => {
      const error = await failure(client(name).models.list());
      expect(error).toBeInstanceOf(APIResponseTooLargeError);
      expect(error).toMatchObject({ status: 200, limit: MiB });
      expect((error as Error).message).toMatch(
        /larger than maxResponseSize \(1048576 bytes\); raise it if the answer is genuine\.$/,
      );
      await allStreamsStopped(server);
    },
  );

  it('is not retried', async () => {
    const before = server.hits('endless-string');
    await failure(client('endless-string', { maxRetries: 2 }).models.retrieve('x'));
    expect(server.hits('endless-string') - before).toBe(1);
  });

  it('holds on pages and client.api too', async () => {
    const iterate = async (): Promise<void> => {
      for await (const model of client('gzip-bomb').models.list()) expect.unreachable(model.id);
    };
    expect(await failure(iterate())).toBeInstanceOf(APIResponseTooLargeError);
    expect(await failure(client('gzip-bomb').api.GET('/models'))).toBeInstanceOf(APIResponseTooLargeError);
    await allStreamsStopped(server);
  });

  it('holds after an early asResponse() too: await and withResponse() fail at once, they do not hang', async () => {
    const promise = client('endless-string').models.list();
    const raw = await promise.asResponse();
    // They read a copy of the body the caller holds: cancelling the copy must not wait for the caller's.
    expect(await failure(promise)).toMatchObject({ constructor: APIResponseTooLargeError, limit: MiB });
    expect(await failure(promise.withResponse())).toBeInstanceOf(APIResponseTooLargeError);
    // The limit holds for the caller's body too.
    expect(await failure(raw.text())).toBeInstanceOf(APIResponseTooLargeError);
    // A content-length over the limit is refused before the body, so asResponse() fails too.
    const declared = client('huge-length').models.list();
    expect(await failure(declared.asResponse())).toMatchObject({ constructor: APIResponseTooLargeError, limit: MiB });
    expect(await failure(declared)).toBeInstanceOf(APIResponseTooLargeError);
    await allStreamsStopped(server);
  });

  it('is set per client and per request', async () => {
    const small = client('big-list', { maxResponseSize: 100_000 });
    expect(await failure(small.models.list())).toMatchObject({ limit: 100_000 });
    expect((await small.models.list({ maxResponseSize: 4 * MiB })).data).toHaveLength(BIG_LIST_SIZE);
    expect(
      await failure(client('big-list', { maxResponseSize: 4 * MiB }).models.list({ maxResponseSize: 1000 })),
    ).toMatchObject({ limit: 1000 });
    expect(() => client('big-list', { maxResponseSize: 0 })).toThrow(
      'maxResponseSize must be a whole number >= 1, got number 0',
    );
  });

  it('defaults to 32 MiB', () => {
    expect(new OpenAI({ apiKey: KEY }).maxResponseSize).toBe(32 * MiB);
  });
});

describe('an error body', () => {
  it('is read up to 64 KiB only: the error keeps status, headers and request id', async () => {
    const error = await failure(client('huge-error', { maxResponseSize: 32 * MiB }).models.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, requestID: 'req_huge_error' });
    expect((error as InternalServerError).headers?.get('content-type')).toBe('application/json');
    expect((error as Error).message).toMatch(
      /^500 status code \(body larger than 65536 bytes, cut: "\{\\"error\\":\{\\"message\\":\\"a{150,}…"\)$/,
    );
    await allStreamsStopped(server);
  });
});

describe('limits given per request', () => {
  const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });

  it('takes a maxResponseSize of 1 byte, and a body exactly at the limit', async () => {
    const error = await client.models.retrieve('m', { maxResponseSize: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    const size = new TextEncoder().encode(JSON.stringify(model)).byteLength;
    const exact = new OpenAI({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      maxResponseSize: size,
      fetch: async () => new Response(JSON.stringify(model), { headers: { 'content-length': String(size) } }),
    });
    await expect(exact.models.retrieve('m')).resolves.toEqual(model);
    await expect(exact.models.retrieve('m', { maxResponseSize: size - 1 })).rejects.toThrow(
      `200 response body of ${size} bytes (content-length) is larger than maxResponseSize (${size - 1} bytes); raise it if the answer is genuine.`,
    );
  });
});

// The same limit on the CLI's road: its --max-response-size flag.
