/**
 * Issue 13, items 1 and 4: the body limit holds on every road (the resource
 * methods, pages, `client.api`, the CLI), stops the transfer at once, is not
 * retried, can be raised per client and per request; error bodies are cut
 * short; a body that trickles is ended by the timeout. In-process against the
 * hostile server, with small limits so each test reads little.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_LIST_SIZE, startHostileServer, type HostileCase, type HostileServer } from './__tests__/hostile-server.js';
import { failure } from './__tests__/transport-harness.js';
import { memoryIO } from './cli/__tests__/memory-io.js';
import { run } from './cli/run.js';
import OpenAI, { APIConnectionTimeoutError, APIResponseTooLargeError, InternalServerError } from './index.js';

const KEY = 'sk-hostile-roads-0123456789';
const MiB = 1024 * 1024;
let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.stop());

const client = (name: HostileCase, options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  new OpenAI({ apiKey: KEY, baseURL: server.baseURL(name), maxRetries: 0, maxResponseSize: MiB, ...options });

/** Resolves once the server has no stream left running, or fails after `ms`. */
async function allStreamsStopped(ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (server.open() > 0) {
    if (Date.now() > deadline) throw new Error(`${server.open()} stream(s) still running ${ms} ms after the client gave up`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a body over maxResponseSize', () => {
  it.each<HostileCase>(['endless-string', 'gzip-bomb', 'br-bomb', 'deflate-bomb', 'huge-length'])(
    '%s: stops reading, closes the connection, names the limit',
    async (name) => {
      const error = await failure(client(name).models.list());
      expect(error).toBeInstanceOf(APIResponseTooLargeError);
      expect(error).toMatchObject({ status: 200, limit: MiB });
      expect((error as Error).message).toMatch(/larger than maxResponseSize \(1048576 bytes\); raise it if the answer is genuine\.$/);
      await allStreamsStopped();
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
    await allStreamsStopped();
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
    await allStreamsStopped();
  });

  it('is set per client and per request', async () => {
    const small = client('big-list', { maxResponseSize: 100_000 });
    expect(await failure(small.models.list())).toMatchObject({ limit: 100_000 });
    expect((await small.models.list({ maxResponseSize: 4 * MiB })).data).toHaveLength(BIG_LIST_SIZE);
    expect(await failure(client('big-list', { maxResponseSize: 4 * MiB }).models.list({ maxResponseSize: 1000 }))).toMatchObject({ limit: 1000 });
    expect(() => client('big-list', { maxResponseSize: 0 })).toThrow('maxResponseSize must be a whole number >= 1, got 0');
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
    expect((error as Error).message).toMatch(/^500 status code \(body larger than 65536 bytes, cut: "\{\\"error\\":\{\\"message\\":\\"a{150,}…"\)$/);
    await allStreamsStopped();
  });
});

describe('a body that trickles one byte a second', () => {
  it('is ended by the timeout', async () => {
    const started = Date.now();
    const error = await failure(client('trickle', { timeout: 1500 }).models.list());
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(4000);
    await allStreamsStopped();
  });
});

describe('the CLI', () => {
  const cli = async (name: HostileCase, argv: string[]) => {
    const io = memoryIO({ env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL(name) } });
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('reports a body over the limit on one line, with the flag that raises it', async () => {
    const { code, out, err } = await cli('big-list', ['models', 'list', '--max-response-size', '1m']);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(
      "error: 200 response body is larger than maxResponseSize (1048576 bytes); raise it if the answer is genuine. Try a larger --max-response-size. (request ID req_big_list)\n",
    );
    expect((await cli('big-list', ['models', 'list', '--max-response-size', '2m', '--field', 'id'])).out.split('\n')).toHaveLength(BIG_LIST_SIZE + 1);
  });

  it('refuses a size it cannot read', async () => {
    const { code, err } = await cli('big-list', ['models', 'list', '--max-response-size', '12 parsecs']);
    expect(code).toBe(2);
    expect(err).toBe(
      "error: --max-response-size must be a size in bytes such as 1048576, 512k, 64m or 1g; got '12 parsecs'\nRun 'openai-models models list --help' for usage.\n",
    );
  });
});
