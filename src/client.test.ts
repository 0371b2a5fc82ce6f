/** Client options and request shaping, with an injected fetch as the seam (no network). */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OpenAI, { OpenAIError, type ClientOptions, type Logger } from './index.js';

const KEY = 'sk-client-test-0123456789';
const model = { id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' };

/** A client whose fetch records each Request and answers `body`. */
function recording(options: ClientOptions = {}, body: unknown = model) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { client: new OpenAI({ apiKey: KEY, fetch, ...options }), requests, fetch };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('construction', () => {
  it('reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID', async () => {
    vi.stubEnv('OPENAI_API_KEY', KEY);
    vi.stubEnv('OPENAI_BASE_URL', 'https://compat.example/api/v1/');
    vi.stubEnv('OPENAI_ORG_ID', 'org-123');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj_456');
    const requests: Request[] = [];
    const client = new OpenAI({
      fetch: async (input, init) => {
        requests.push(new Request(input, init));
        return Response.json(model);
      },
    });
    expect(client.baseURL).toBe('https://compat.example/api/v1');
    await client.models.retrieve('gpt-4o-mini');
    const sent = requests[0];
    expect(sent?.url).toBe('https://compat.example/api/v1/models/gpt-4o-mini');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(sent?.headers.get('openai-organization')).toBe('org-123');
    expect(sent?.headers.get('openai-project')).toBe('proj_456');
  });

  it('defaults to https://api.openai.com/v1, 10 minutes and 2 retries', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const client = new OpenAI({ apiKey: KEY });
    expect([client.baseURL, client.timeout, client.maxRetries]).toEqual(['https://api.openai.com/v1', 600_000, 2]);
  });

  it('refuses a missing key with a clear error', () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    expect(() => new OpenAI()).toThrow(OpenAIError);
    expect(() => new OpenAI()).toThrow(/OPENAI_API_KEY environment variable is missing or empty/);
    // A key that is no string (plain JavaScript, a config gone wrong) or only white space is none.
    for (const apiKey of [42, ' \n'] as unknown as string[]) expect(() => new OpenAI({ apiKey })).toThrow(/OPENAI_API_KEY environment variable is missing or empty/);
  });

  it.each([
    [{ baseURL: 'api.openai.com/v1' }, /baseURL must be an http/],
    [{ baseURL: 'ftp://x' }, /baseURL must be an http/],
    [{ timeout: 0 }, /timeout must be a positive number/],
    [{ timeout: Number.NaN }, /timeout must be a positive number/],
    [{ maxRetries: -1 }, /maxRetries must be a whole number/],
    [{ maxRetries: 1.5 }, /maxRetries must be a whole number/],
  ])('refuses %j', (options, message) => {
    expect(() => new OpenAI({ apiKey: KEY, ...options })).toThrow(message);
  });

  it('keeps the key out of util.inspect and JSON.stringify of the client', () => {
    const client = new OpenAI({ apiKey: KEY });
    expect(client.apiKey).toBe(KEY);
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });

  it('exposes the error classes as statics, as the official SDK does', () => {
    expect(new OpenAI.NotFoundError(404, undefined, undefined, new Headers())).toBeInstanceOf(OpenAI.APIError);
  });
});

describe('request shaping', () => {
  it('merges defaultHeaders and per-request headers; null removes a header', async () => {
    const { client, requests } = recording({ organization: 'org-1', defaultHeaders: { 'X-Team': 'a', 'X-Gone': 'b' } });
    await client.models.retrieve('x', { headers: { 'X-Team': 'c', 'X-Gone': null, 'OpenAI-Organization': null } });
    const headers = requests[0]?.headers;
    expect(headers?.get('x-team')).toBe('c');
    expect(headers?.has('x-gone')).toBe(false);
    expect(headers?.has('openai-organization')).toBe(false);
    expect(headers?.get('authorization')).toBe(`Bearer ${KEY}`);
  });

  it('adds defaultQuery and per-request query', async () => {
    const { client, requests } = recording({ baseURL: 'https://h.example/v1', defaultQuery: { 'api-version': '1', drop: undefined } });
    await client.models.retrieve('m', { query: { verbose: true } });
    await client.models.retrieve('m');
    expect(requests.map((r) => r.url)).toEqual([
      'https://h.example/v1/models/m?api-version=1&verbose=true',
      'https://h.example/v1/models/m?api-version=1',
    ]);
  });

  it('sends an extra JSON body with delete, and refuses one on a GET before sending', async () => {
    const { client, requests } = recording({}, { id: 'ft:x', object: 'model', deleted: true });
    await client.models.delete('ft:x', { body: { hard: true } });
    expect(requests[0]?.method).toBe('DELETE');
    expect(await requests[0]?.text()).toBe('{"hard":true}');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    const get = recording();
    // A JavaScript caller can pass one; the types forbid it.
    const options: object = { body: { a: 1 } };
    await expect(get.client.models.retrieve('x', options)).rejects.toThrow('A GET request cannot carry a body');
    expect(get.fetch).not.toHaveBeenCalled();
  });

  it('client.api carries the same auth and reports errors openapi-fetch\'s way', async () => {
    const fetch = vi.fn(async (_input: string | URL | Request) => Response.json({ error: { message: 'nope', type: 't', param: null, code: 'model_not_found' } }, { status: 404 }));
    const client = new OpenAI({ apiKey: KEY, fetch });
    const { data, error, response } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(data).toBeUndefined();
    expect(error?.error.code).toBe('model_not_found');
    expect(response.status).toBe(404);
    const sent = fetch.mock.calls[0]?.[0];
    expect(sent instanceof Request ? sent.headers.get('authorization') : undefined).toBe(`Bearer ${KEY}`);
  });

  it('rejects a refused id, even one nobody awaits, without an uncaught exception', async () => {
    const uncaught: unknown[] = [];
    const listener = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      const { client, fetch } = recording();
      const awaited = client.models.retrieve('..');
      void client.models.delete('');
      void client.models.retrieve('x', { body: { a: 1 } } as object);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(awaited).rejects.toThrow(OpenAIError);
      expect(uncaught).toEqual([]);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      process.off('uncaughtException', listener);
    }
  });

  it('refuses a bad model id before calling fetch', async () => {
    const { client, fetch } = recording();
    for (const id of ['', '.', '..']) await expect(client.models.retrieve(id)).rejects.toThrow(OpenAIError);
    // @ts-expect-error a JavaScript caller may pass anything
    await expect(client.models.delete(undefined)).rejects.toThrow('Expected a string for `model` but received undefined');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('logging', () => {
  function capture(level: ClientOptions['logLevel']) {
    const lines: string[] = [];
    const logger: Logger = {
      error: (...a) => lines.push(`error ${inspect(a, { depth: 5 })}`),
      warn: (...a) => lines.push(`warn ${inspect(a, { depth: 5 })}`),
      info: (...a) => lines.push(`info ${inspect(a, { depth: 5 })}`),
      debug: (...a) => lines.push(`debug ${inspect(a, { depth: 5 })}`),
    };
    return { lines, ...recording({ logLevel: level, logger }) };
  }

  it('logs requests and responses at debug with Authorization redacted', async () => {
    const { client, lines } = capture('debug');
    await client.models.retrieve('gpt-4o-mini');
    expect(lines.some((l) => l.includes('request GET https://api.openai.com/v1/models/gpt-4o-mini'))).toBe(true);
    expect(lines.some((l) => l.includes('Bearer [REDACTED]'))).toBe(true);
    expect(lines.some((l) => l.includes('response GET'))).toBe(true);
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('logs nothing at the default level for a successful call, and honours OPENAI_LOG', async () => {
    const quiet = capture(undefined);
    await quiet.client.models.retrieve('gpt-4o-mini');
    expect(quiet.lines).toEqual([]);
    vi.stubEnv('OPENAI_LOG', 'debug');
    const lines: string[] = [];
    const client = new OpenAI({ apiKey: KEY, fetch: async () => Response.json(model), logger: { ...console, debug: (m: string) => lines.push(m) } });
    await client.models.retrieve('x');
    expect(lines.length).toBeGreaterThan(0);
  });
});
