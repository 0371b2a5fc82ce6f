/**
 * The requests of `conformance` (send()): what goes on the wire and where,
 * which redirects are followed, what is retried and after how long, and
 * the limits on an answer. Against real local servers where the wire
 * matters; against a scripted fetch on fake timers where the waits do.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, localServer, type Handler, type LocalServer } from '../../contract-tests/support/local-server.js';
import type { Fetch } from '../index.js';
import { send, WRONG_KEY, type HTTPOptions, type Outcome } from './conformance-http.js';

const KEY = 'sk-conformance-http-test-key';
const HEADER = 'hdr-conformance-http-test-value';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler): Promise<LocalServer> {
  const server = await localServer(handler);
  servers.push(server);
  return server;
}

function options(baseURL: string, more: Partial<HTTPOptions> = {}): HTTPOptions {
  return {
    baseURL,
    fetch,
    timeout: 10_000,
    maxResponseSize: 1 << 20,
    maxRetries: 0,
    auth: { authorization: `Bearer ${KEY}`, 'x-api-key': HEADER },
    headers: { 'openai-organization': 'org-test' },
    ...more,
  };
}

/** Answers 200 `{"path": <the request target>}` everywhere. */
const echo: Handler = (_req, res, seen) => json(res, 200, { path: seen.url });

function answer(outcome: Outcome) {
  if (!('answer' in outcome)) throw new Error(`expected an answer, got ${JSON.stringify(outcome)}`);
  return outcome.answer;
}

describe('what goes on the wire', () => {
  it('with the key: Authorization and every --header, plus the other headers', async () => {
    const server = await serve(echo);
    await send(options(`${server.url}/v1`), 'GET', '/models', 'key');
    expect(server.seen.map((seen) => [seen.method, seen.url])).toEqual([['GET', '/v1/models']]);
    expect(server.seen[0]?.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'x-api-key': HEADER,
      'openai-organization': 'org-test',
    });
  });

  it('with no key: neither Authorization nor any --header, only the other headers', async () => {
    const server = await serve(echo);
    await send(options(`${server.url}/v1`), 'DELETE', '/models/x', 'none');
    const [seen] = server.seen;
    expect([seen?.method, seen?.url]).toEqual(['DELETE', '/v1/models/x']);
    expect(seen?.headers['authorization']).toBeUndefined();
    expect(seen?.headers['x-api-key']).toBeUndefined();
    expect(seen?.headers['openai-organization']).toBe('org-test');
  });

  it('with a wrong key: that key as a bearer token, and no --header', async () => {
    const server = await serve(echo);
    await send(options(`${server.url}/v1`), 'GET', '/models', 'wrong');
    const headers = server.seen[0]?.headers;
    expect(headers?.['authorization']).toBe('Bearer sk-openai-models-conformance-wrong-key');
    expect(WRONG_KEY).toBe('sk-openai-models-conformance-wrong-key');
    expect(headers?.['x-api-key']).toBeUndefined();
    expect(headers?.['openai-organization']).toBe('org-test');
  });

  it.each([
    ['/v1', '/v1/models'],
    ['/v1/', '/v1/models'],
    ['/v1///', '/v1/models'],
    ['', '/models'],
    ['/', '/models'],
    ['//', '/models'],
  ])('base URL path %j: the path goes right under it, %s', async (basePath, expected) => {
    const server = await serve(echo);
    const outcome = await send(options(`${server.url}${basePath}`), 'GET', '/models', 'key');
    expect(answer(outcome).body).toEqual({ path: expected });
    expect(server.seen.map((seen) => seen.url)).toEqual([expected]);
  });

  it('tells --debug each request and its status, each hop of a redirect too', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/v1/a') res.writeHead(302, { location: '/v1/b' }).end();
      else json(res, 200, {});
    });
    const lines: string[] = [];
    await send(options(`${server.url}/v1`, { log: (line) => lines.push(line) }), 'GET', '/a', 'key');
    expect(lines).toEqual([`GET ${server.url}/v1/a 302`, `GET ${server.url}/v1/b 200`]);
  });
});

describe('the answer', () => {
  it('a JSON body: its text, its value, json true; status and headers as they came', async () => {
    const server = await serve((_req, res) => json(res, 201, { a: [1, 'é'] }, { 'x-request-id': 'req_1' }));
    const got = answer(await send(options(server.url), 'GET', '/x', 'key'));
    expect(got).toMatchObject({ status: 201, text: '{"a":[1,"é"]}', body: { a: [1, 'é'] }, json: true });
    expect(got.headers.get('x-request-id')).toBe('req_1');
  });

  it('a body that is not JSON: its text, no value, json false', async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>nope</h1>'),
    );
    expect(answer(await send(options(server.url), 'GET', '/x', 'key'))).toMatchObject({
      status: 404,
      text: '<h1>nope</h1>',
      body: undefined,
      json: false,
    });
  });

  it('an empty body is not JSON', async () => {
    const server = await serve((_req, res) => void res.writeHead(204).end());
    expect(answer(await send(options(server.url), 'DELETE', '/x', 'key'))).toMatchObject({
      status: 204,
      text: '',
      json: false,
    });
  });

  it('a character split across two chunks comes out whole', async () => {
    // `"é"` is 22 c3 a9 22: the é starts in one chunk and ends in the next.
    const chunks = [new Uint8Array([0x22, 0xc3]), new Uint8Array([0xa9, 0x22])];
    const split: Fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk);
            controller.close();
          },
        }),
      );
    const got = answer(await send(options('http://127.0.0.1:9', { fetch: split }), 'GET', '/x', 'key'));
    expect(got).toMatchObject({ text: '"é"', body: 'é', json: true });
  });

  it('reads an answer of exactly --max-response-size bytes, and not one byte more', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(90) });
    const server = await serve((_req, res) => void res.writeHead(200).end(body));
    const size = Buffer.byteLength(body);
    expect(answer(await send(options(server.url, { maxResponseSize: size }), 'GET', '/x', 'key')).text).toBe(body);
    expect(await send(options(server.url, { maxResponseSize: size - 1 }), 'GET', '/x', 'key')).toEqual({
      failure: `the answer is larger than --max-response-size (${size - 1} bytes)`,
      kind: 'too-large',
      status: 200,
    });
  });

  it('counts the bytes after decompression', async () => {
    const body = JSON.stringify({ pad: ' '.repeat(5000) });
    const server = await serve(
      (_req, res) => void res.writeHead(500, { 'content-encoding': 'gzip' }).end(gzipSync(body)),
    );
    expect(await send(options(server.url, { maxResponseSize: 1000 }), 'GET', '/x', 'key')).toEqual({
      failure: 'the answer is larger than --max-response-size (1000 bytes)',
      kind: 'too-large',
      status: 500,
    });
  });

  it('gives up on a body that stops coming within --timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"object":'); // and nothing more
    });
    expect(await send(options(server.url, { timeout: 20 }), 'GET', '/x', 'key')).toEqual({
      failure: 'no answer within 20 ms',
      kind: 'timeout',
    });
  });

  it('names the cause of a failed connection', async () => {
    const server = await serve(echo);
    const url = server.url;
    await servers.pop()?.close();
    const outcome = await send(options(url), 'GET', '/x', 'key');
    expect(outcome).toEqual({ failure: `connect ECONNREFUSED ${url.replace('http://', '')}`, kind: 'connection' });
  });
});

describe('redirects', () => {
  it('follows one within the base URL, relative to where it was, with the key', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/v1/models/a') res.writeHead(307, { location: 'b?page=2' }).end();
      else echo(_req, res, seen, 0);
    });
    const outcome = await send(options(`${server.url}/v1`), 'GET', '/models/a', 'key');
    expect(answer(outcome)).toMatchObject({ status: 200, body: { path: '/v1/models/b?page=2' } });
    expect(server.seen.map((seen) => [seen.url, seen.headers.authorization, seen.headers['x-api-key']])).toEqual([
      ['/v1/models/a', `Bearer ${KEY}`, HEADER],
      ['/v1/models/b?page=2', `Bearer ${KEY}`, HEADER],
    ]);
  });

  it('follows one to the base path itself', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/v1/models') res.writeHead(301, { location: '/v1' }).end();
      else echo(_req, res, seen, 0);
    });
    expect(answer(await send(options(`${server.url}/v1`), 'GET', '/models', 'key')).body).toEqual({ path: '/v1' });
  });

  it('follows one anywhere on the origin when the base URL has no path', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/a') res.writeHead(302, { location: '/elsewhere/b' }).end();
      else echo(_req, res, seen, 0);
    });
    expect(answer(await send(options(`${server.url}/`), 'GET', '/a', 'key')).body).toEqual({ path: '/elsewhere/b' });
  });

  it.each([
    ['a sibling path', '/v10/models'],
    ['the parent path', '/models'],
    ['a path starting like the base', '/v1x'],
  ])('does not follow one to %s of the same origin', async (_what, location) => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/v1/models') res.writeHead(302, { location }).end();
      else echo(_req, res, seen, 0);
    });
    expect(await send(options(`${server.url}/v1`), 'GET', '/models', 'key')).toEqual({
      failure: `302: redirected to ${server.url}, outside the base URL; not followed`,
      kind: 'redirect',
    });
    expect(server.seen.map((seen) => seen.url)).toEqual(['/v1/models']);
  });

  it('does not follow one to another origin, which sees nothing, nor retries it', async () => {
    const elsewhere = await serve(echo);
    const server = await serve(
      (_req, res) => void res.writeHead(308, { location: `${elsewhere.url}/v1/models` }).end(),
    );
    expect(await send(options(`${server.url}/v1`, { maxRetries: 3 }), 'GET', '/models', 'key')).toEqual({
      failure: `308: redirected to ${elsewhere.url}, outside the base URL; not followed`,
      kind: 'redirect',
    });
    expect(server.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
  });

  it('follows at most 5 in a row', async () => {
    // /v1/hop/0 → /v1/hop/1 → … → /v1/hop/8, which answers.
    const server = await serve((_req, res, seen) => {
      const hop = Number(seen.url.split('/').pop());
      if (hop < 8) res.writeHead(307, { location: `/v1/hop/${hop + 1}` }).end();
      else echo(_req, res, seen, 0);
    });
    expect(await send(options(`${server.url}/v1`), 'GET', '/hop/0', 'key')).toEqual({
      failure: '307: redirected too many times; not followed',
      kind: 'redirect',
    });
    expect(server.seen.map((seen) => seen.url)).toEqual([0, 1, 2, 3, 4, 5].map((hop) => `/v1/hop/${hop}`));
    // Five are fine.
    expect(answer(await send(options(`${server.url}/v1`), 'GET', '/hop/3', 'key')).body).toEqual({ path: '/v1/hop/8' });
  });

  it.each([
    [300, true],
    [302, true],
    [399, true],
    [200, false],
    [201, false],
    [299, false],
    [400, false],
    [404, false],
  ])('an answer %i with a Location is followed: %s', async (status, followed) => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/v1/a') json(res, status, { path: seen.url }, { location: '/v1/b' });
      else echo(_req, res, seen, 0);
    });
    const got = answer(await send(options(`${server.url}/v1`), 'GET', '/a', 'key'));
    expect([got.status, got.body]).toEqual(followed ? [200, { path: '/v1/b' }] : [status, { path: '/v1/a' }]);
    expect(server.seen).toHaveLength(followed ? 2 : 1);
  });

  it('a 3xx without a Location is the answer', async () => {
    const server = await serve((_req, res) => json(res, 304, {}));
    const got = answer(await send(options(server.url), 'GET', '/a', 'key'));
    expect(got.status).toBe(304);
    expect(server.seen).toHaveLength(1);
  });
});

describe('retries and timeouts (scripted fetch, fake clock)', () => {
  // The client's policy (internal/retry.ts), its jitter held at none so that the waits are exact.
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A fetch that answers from a script and notes when (on the fake clock) each request was made. */
  function scripted(script: (index: number, init: RequestInit) => Response | Promise<Response>) {
    const at: number[] = [];
    const fetch: Fetch = async (_input, init = {}) => {
      at.push(Date.now());
      return script(at.length - 1, init);
    };
    return { fetch, at };
  }

  /** send() with the fake clock run until nothing is left to wait for. */
  async function drive(fetch: Fetch, more: Partial<HTTPOptions> = {}): Promise<Outcome> {
    const outcome = send(options('http://127.0.0.1:9/v1', { fetch, ...more }), 'GET', '/models', 'key');
    await vi.runAllTimersAsync();
    return outcome;
  }

  const refused = () => new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });

  it('retries nothing by default', async () => {
    const { fetch, at } = scripted(() => new Response('{}', { status: 503 }));
    expect(answer(await drive(fetch)).status).toBe(503);
    expect(at).toEqual([0]);
  });

  it('retries at most --max-retries times, then gives the last answer', async () => {
    const { fetch, at } = scripted((index) =>
      index < 5 ? new Response(`${index}`, { status: 503, headers: { 'retry-after-ms': '0' } }) : new Response('{}'),
    );
    const got = answer(await drive(fetch, { maxRetries: 2 }));
    expect([got.status, got.text]).toEqual([503, '2']);
    expect(at).toHaveLength(3);
  });

  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [499, false],
    [404, false],
    [401, false],
    [200, false],
  ])('an answer %i is retried: %s', async (status, retried) => {
    const { fetch, at } = scripted((index) =>
      index === 0
        ? new Response('first', { status, headers: { 'retry-after-ms': '0' } })
        : new Response('second', { status: 200 }),
    );
    const got = answer(await drive(fetch, { maxRetries: 1 }));
    expect(got.text).toBe(retried ? 'second' : 'first');
    expect(at).toHaveLength(retried ? 2 : 1);
  });

  it('retries a failed connection, backing off 0.5 s then 1 s', async () => {
    const { fetch, at } = scripted((index) => {
      if (index < 2) throw refused();
      return new Response('{"ok":true}');
    });
    expect(answer(await drive(fetch, { maxRetries: 3 })).body).toEqual({ ok: true });
    expect(at).toEqual([0, 500, 1500]);
  });

  it('gives the failed connection when retries run out', async () => {
    const { fetch, at } = scripted(() => {
      throw refused();
    });
    expect(await drive(fetch, { maxRetries: 1 })).toEqual({
      failure: 'connect ECONNREFUSED 127.0.0.1:9',
      kind: 'connection',
    });
    expect(at).toEqual([0, 500]);
  });

  it('follows x-should-retry over the status, as the client does', async () => {
    const { fetch, at } = scripted((index) =>
      index === 0
        ? new Response('first', { status: 503, headers: { 'x-should-retry': 'false' } })
        : new Response('second'),
    );
    expect(answer(await drive(fetch, { maxRetries: 1 })).text).toBe('first');
    expect(at).toEqual([0]);
  });

  it('takes up to a quarter off a wait with no hint (jitter)', async () => {
    vi.mocked(Math.random).mockReturnValue(1);
    const { fetch, at } = scripted((index) => (index === 0 ? new Response('{}', { status: 503 }) : new Response('{}')));
    expect(answer(await drive(fetch, { maxRetries: 1 })).status).toBe(200);
    expect(at).toEqual([0, 375]);
  });

  it('with no hint, waits 0.5 s doubling up to 8 s between retries', async () => {
    const { fetch, at } = scripted(() => new Response('{}', { status: 503 }));
    expect(answer(await drive(fetch, { maxRetries: 7 })).status).toBe(503);
    const waits = at.slice(1).map((time, index) => time - (at[index] ?? 0));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it.each([
    [{ 'retry-after-ms': '0' }, 0],
    [{ 'retry-after-ms': '1234' }, 1234],
    [{ 'retry-after-ms': '59999' }, 59_999],
    [{ 'retry-after-ms': '1234', 'retry-after': '7' }, 1234],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
    [{ 'retry-after-ms': '60000' }, 500],
    [{ 'retry-after': '60' }, 500],
    [{ 'retry-after-ms': '-1' }, 500],
    [{ 'retry-after': '-1' }, 500],
    [{ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, 500],
    [{ 'retry-after': 'Thu, 01 Jan 1970 00:00:02 GMT' }, 2000],
    [{}, 500],
  ])('a 429 with %j: the retry waits %i ms', async (headers, wait) => {
    const { fetch, at } = scripted((index) =>
      index === 0 ? new Response('{}', { status: 429, headers }) : new Response('{}', { status: 200 }),
    );
    expect(answer(await drive(fetch, { maxRetries: 1 })).status).toBe(200);
    expect(at).toEqual([0, wait]);
  });

  it('gives up on headers that do not come within --timeout, and does not retry that', async () => {
    const { fetch, at } = scripted(
      (_index, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    expect(await drive(fetch, { timeout: 5, maxRetries: 2 })).toEqual({
      failure: 'no answer within 5 ms',
      kind: 'timeout',
    });
    expect(at).toEqual([0]);
  });

  it('does not retry an answer that is too large, whatever its status', async () => {
    const { fetch, at } = scripted(() => new Response('too long', { status: 503 }));
    expect(await drive(fetch, { maxResponseSize: 2, maxRetries: 2 })).toMatchObject({ kind: 'too-large', status: 503 });
    expect(at).toEqual([0]);
  });

  it('leaves no timer behind once it has the answer (the CLI would wait out --timeout to exit)', async () => {
    const { fetch } = scripted(() => new Response('{}'));
    await send(options('http://127.0.0.1:9', { fetch, timeout: 60_000 }), 'GET', '/x', 'key');
    expect(vi.getTimerCount()).toBe(0);
  });
});
