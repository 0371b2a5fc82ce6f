/**
 * Options and answers at their edges, as a caller meets them: what reaches
 * the wire, what comes back, and the error (class and words) for a value the
 * client refuses.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import OpenAI, { APIResponseTooLargeError, NotFoundError, OpenAIError, type Logger } from './index.js';

const KEY = 'sk-edges-test-0123456789';
const model = { id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' };

function recording(answer: () => Response = () => Response.json(model)) {
  const urls: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : String(input));
    return answer();
  };
  return { urls, fetch };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('the environment', () => {
  it('trims OPENAI_BASE_URL and ignores a blank one', async () => {
    const wire = recording();
    vi.stubEnv('OPENAI_BASE_URL', '  http://127.0.0.1:9/custom/v1 \n');
    await new OpenAI({ apiKey: KEY, fetch: wire.fetch }).models.retrieve('m');
    vi.stubEnv('OPENAI_BASE_URL', '   ');
    await new OpenAI({ apiKey: KEY, fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/custom/v1/models/m', 'https://api.openai.com/v1/models/m']);
  });

  it('starts where there is no `process` (a worker) or no `process.env` (a bundler shim)', () => {
    for (const stand of [undefined, { versions: {} }]) {
      vi.stubGlobal('process', stand);
      let client: OpenAI | undefined;
      try {
        client = new OpenAI({ apiKey: KEY });
      } finally {
        vi.unstubAllGlobals();
      }
      expect(client.baseURL).toBe('https://api.openai.com/v1');
    }
  });
});

describe('baseURL', () => {
  it('drops every trailing slash', async () => {
    const wire = recording();
    await new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1///', fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/models/m']);
  });

  it.each(['git+https://example.com/v1', 'ws://example.com', 'example.com/v1', 'http:///v1'])('refuses %s', (baseURL) => {
    expect(() => new OpenAI({ apiKey: KEY, baseURL })).toThrow(new OpenAIError(`baseURL must be an http:// or https:// URL, got ${JSON.stringify(baseURL)}`));
  });

  // fetch would refuse each request with a TypeError quoting the URL, password and all.
  it.each([
    ['http://user:hunter2-password@127.0.0.1:9/v1', 'http://***@127.0.0.1:9/v1'],
    [`https://${KEY}@api.example.com/v1`, 'https://***@api.example.com/v1'],
    ['http://:hunter2-password@127.0.0.1:9', 'http://***@127.0.0.1:9'],
  ])('refuses credentials in %s, without quoting them', (baseURL, shown) => {
    const wire = recording();
    expect(() => new OpenAI({ apiKey: KEY, baseURL, fetch: wire.fetch })).toThrow(
      new OpenAIError(`baseURL must not hold credentials (user:password@), got "${shown}"`),
    );
    expect(wire.urls).toEqual([]);
  });

  it.each([
    ['ftp://user:hunter2-password@example.com/v1', 'ftp://***@example.com/v1'],
    // Forms a URL parser reads as credentials although they are no `//user@`: masked all the same.
    ['http:\\\\user:hunter2-password@example.com', 'http:\\\\***@example.com'],
    // No scheme, or none the parser knows: masked up to the last `@` all the same.
    ['//token-hunter2@example.com', '***@example.com'],
    ['https//hunter2-token@example.com', '***@example.com'],
    ['http:/\tuser:hunter2-password@example.com', 'http:/***@example.com'],
    ['https://user:hun/ter2-password@example.com', 'https://***@example.com'],
  ])('masks what may be credentials when it quotes a URL it refuses: %s', (baseURL, shown) => {
    let message = '';
    try {
      new OpenAI({ apiKey: KEY, baseURL });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^baseURL must (be an http|not hold credentials)/);
    expect(message).toContain(JSON.stringify(shown));
    expect(message).not.toContain('hunter2');
  });

  it('accepts what fetch accepts: an empty user and password', async () => {
    const wire = recording();
    await new OpenAI({ apiKey: KEY, baseURL: 'http://@127.0.0.1:9/v1', fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/models/m']);
  });

  it('keeps an @ in the path, even after a double slash: only the authority can hold credentials', async () => {
    const wire = recording();
    await new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1/@team', fetch: wire.fetch }).models.retrieve('m');
    await new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1//team@org', fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/@team/models/m', 'http://127.0.0.1:9/v1//team@org/models/m']);
  });
});

describe('an OPENAI_LOG that is no level', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function warnings(options: { logLevel?: 'off' }): string[] {
    const lines: string[] = [];
    const log = (message: string): void => void lines.push(message);
    const logger: Logger = { error: log, warn: log, info: log, debug: log };
    new OpenAI({ apiKey: KEY, logger, ...options });
    return lines;
  }

  it("warns in the official SDK's words", () => {
    vi.stubEnv('OPENAI_LOG', 'verbose');
    expect(warnings({})).toEqual([`process.env['OPENAI_LOG'] was set to "verbose", expected one of ["off","error","warn","info","debug"]`]);
  });

  it('says nothing of a valid level, and the option wins over the environment', () => {
    vi.stubEnv('OPENAI_LOG', 'verbose');
    expect(warnings({ logLevel: 'off' })).toEqual([]);
    vi.stubEnv('OPENAI_LOG', 'DEBUG');
    expect(warnings({})).toHaveLength(1);
    vi.stubEnv('OPENAI_LOG', 'debug');
    expect(warnings({})).toEqual([]);
  });
});

describe('defaultQuery', () => {
  it('goes on every call, with or without a query of its own', async () => {
    const wire = recording(() => Response.json({ object: 'list', data: [] }));
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: wire.fetch, defaultQuery: { 'api-version': '2024-10-21' } });
    await client.models.list();
    await client.models.list({ timeout: 5000 });
    await client.models.list({ query: { extra: '1' } });
    await client.api.GET('/models');
    expect(wire.urls).toEqual([
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21',
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21',
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21&extra=1',
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21',
    ]);
  });
});

describe('a query given per request', () => {
  it('reaches the wire on a client without defaultQuery, and only on that call', async () => {
    const wire = recording(() => Response.json({ object: 'list', data: [] }));
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: wire.fetch });
    await client.models.list({ query: { extra: '1' } });
    await client.models.list();
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/models?extra=1', 'http://127.0.0.1:9/v1/models']);
  });
});

describe('limits given per request', () => {
  const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });

  it.each([
    ['a string', '100', 'timeout must be a positive number of milliseconds (at most 2^31-1), got 100'],
    ['2^31 ms', 2 ** 31, 'timeout must be a positive number of milliseconds (at most 2^31-1), got 2147483648'],
    ['0', 0, 'timeout must be a positive number of milliseconds (at most 2^31-1), got 0'],
  ])('refuses a timeout of %s before sending', async (_name, timeout, message) => {
    await expect(client.models.retrieve('m', { timeout: timeout as number })).rejects.toThrow(new OpenAIError(message));
  });

  it('takes a timeout of exactly 2^31-1 ms, the most a timer can wait', async () => {
    await expect(client.models.retrieve('m', { timeout: 2 ** 31 - 1 })).resolves.toEqual(model);
  });

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

describe('what a middleware answers is what the caller gets', () => {
  it('a response rewritten by onResponse is parsed, not the one that came over the wire', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });
    client.api.use({ onResponse: ({ response }) => new Response(JSON.stringify({ ...model, id: 'rewritten' }), response) });
    await expect(client.models.retrieve('m')).resolves.toEqual({ ...model, id: 'rewritten' });
  });

  it('an empty error answered by a middleware is a typed error that says there was no body', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });
    client.api.use({ onRequest: () => new Response(null, { status: 404 }) });
    const error = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('404 status code (no body)');
  });

  it('so is one that says `content-length: 0`, which openapi-fetch hands over as no error at all', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });
    client.api.use({ onRequest: () => new Response(null, { status: 404, headers: { 'content-length': '0' } }) });
    const error = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('404 status code (no body)');
  });
});

describe('a fetch that throws', () => {
  it.each([
    ['an Error without a cause', () => new Error('socket hang up'), 'Connection error: socket hang up'],
    ['an Error whose cause is not an Error', () => new Error('socket hang up', { cause: 'ECONNRESET' }), 'Connection error: socket hang up'],
    ['something that is not an Error', () => 'the proxy refused', 'Connection error: the proxy refused'],
  ])('%s: the message says what it threw, and nothing more', async (_, thrown, message) => {
    const error = thrown();
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch: () => Promise.reject(error) });
    await expect(client.models.retrieve('m')).rejects.toMatchObject({ name: 'APIConnectionError', message, cause: error });
  });

  it('that quotes the key (a proxy agent printing the request): the cause is a scrubbed copy, util.inspect shows no key', async () => {
    // Every call reaches fetch as a Request.
    const fetch = (request: string | URL | Request): Promise<Response> =>
      Promise.reject(new Error('proxy refused', { cause: new Error(`headers: ${(request as Request).headers.get('authorization')}`) }));
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch });
    const error = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'Connection error: proxy refused: headers: Bearer [REDACTED]' });
    expect((error as Error).cause).toEqual(new Error('proxy refused: headers: Bearer [REDACTED]'));
    const { inspect } = await import('node:util');
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
  });
});

describe('pages and promises', () => {
  const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording(() => Response.json({ object: 'list', data: [model] })).fetch });

  it('there is never a next page, and asking for one says so', async () => {
    const page = await client.models.list();
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(
      new OpenAIError('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.'),
    );
    const pages = [];
    for await (const each of page.iterPages()) pages.push(each);
    expect(pages).toEqual([page]);
  });

  it('finally() runs its callback and passes the result through', async () => {
    const calls: string[] = [];
    const page = await client.models.list().finally(() => calls.push('finally'));
    expect(calls).toEqual(['finally']);
    expect(page.data.map((each) => each.id)).toEqual(['gpt-4o-mini']);
  });

  it('a call shows as an APIPromise', async () => {
    const call = client.models.list();
    expect(Object.prototype.toString.call(call)).toBe('[object APIPromise]');
    await call;
  });
});

describe('logLevel info', () => {
  it('logs the retry, not the requests', async () => {
    const lines: string[] = [];
    const logger: Logger = { error: () => {}, warn: () => {}, info: (m) => lines.push(`info ${m}`), debug: (m) => lines.push(`debug ${m}`) };
    const answers = [Response.json({ error: { message: 'busy' } }, { status: 503, headers: { 'retry-after-ms': '1' } }), Response.json(model)];
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', logLevel: 'info', logger, fetch: async () => answers.shift() ?? Response.json(model) });
    await client.models.retrieve('m');
    expect(lines).toEqual(['info retrying GET http://127.0.0.1:9/v1/models/m in 1 ms (2 left) after 503']);
  });
});
