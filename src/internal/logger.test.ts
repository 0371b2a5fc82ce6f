/**
 * What the client logs, and at which level: requests and responses at
 * debug (with the time taken), retries at info, nothing for a successful
 * call at the default level; OPENAI_LOG read and a bad one warned of in the
 * official SDK's words. What a debug log shows of a request's headers:
 * everything a person needs to debug, and never a credential.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OpenAI, { type ClientOptions, type Logger } from '../index.js';

const KEY = 'sk-logging-0123456789abcdef';

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

function clientWith(
  fetch: (request: Request, init?: RequestInit) => Promise<Response>,
  options: ConstructorParameters<typeof OpenAI>[0] = {},
) {
  return new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    fetch: fetch as typeof globalThis.fetch,
    ...options,
  });
}

const modelResponse = (): Response => Response.json(model, { headers: { 'x-request-id': 'req_1' } });
const errorResponse = (code: number, headers: Record<string, string> = {}): Response =>
  Response.json(
    { error: { message: `status ${code}`, type: 'server_error', param: null, code: null } },
    { status: code, headers },
  );

afterEach(() => {
  vi.unstubAllEnvs();
});

function logged(options: ClientOptions): {
  client: OpenAI;
  requests: () => Record<string, string>[];
  text: () => string;
} {
  const calls: unknown[][] = [];
  const logger: Logger = {
    error: (...a) => calls.push(a),
    warn: (...a) => calls.push(a),
    info: (...a) => calls.push(a),
    debug: (...a) => calls.push(a),
  };
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    logLevel: 'debug',
    logger,
    fetch: async () =>
      new Response('{"id":"gpt-4o-mini","object":"model","created":0,"owned_by":"system"}', { status: 200 }),
    ...options,
  });
  const requests = () =>
    calls
      .filter(([message]) => typeof message === 'string' && message.startsWith('request '))
      .map(([, extra]) => (extra as { headers: Record<string, string> }).headers);
  return { client, requests, text: () => JSON.stringify(calls) };
}

describe('debug logs of request headers', () => {
  it.each([
    ['the client key', {}, 'Bearer [REDACTED]'],
    ['a Basic credential', { defaultHeaders: { Authorization: 'Basic dXNlcjpwYXNz' } }, 'Basic [REDACTED]'],
    ['a scheme and spaces', { defaultHeaders: { Authorization: 'Token   abc def' } }, 'Token   [REDACTED]'],
    ['a bare token without a scheme', { defaultHeaders: { Authorization: 'opaque-token-value' } }, '[REDACTED]'],
    // Headers trims only HTTP white space: a vertical tab first means no scheme comes first.
    ['no scheme at the start', { defaultHeaders: { Authorization: '\vBearer sk-behind-a-tab' } }, '[REDACTED]'],
  ] as const)('show Authorization with %s as its scheme only', async (_, options, shown) => {
    const { client, requests, text } = logged(options);
    await client.models.retrieve('gpt-4o-mini');
    await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });
    expect(requests().map((headers) => headers['authorization'])).toEqual([shown, shown]);
    expect(text()).not.toMatch(/dXNlcjpwYXNz|abc def|opaque-token-value/);
    expect(text()).not.toContain(KEY);
  });

  it('blank any other header whose value holds the key, and keep the rest as sent', async () => {
    const { client, requests, text } = logged({
      defaultHeaders: { 'X-Api-Key': KEY, 'X-Forwarded-Auth': `key=${KEY};v=1`, 'X-Team': 'search' },
      organization: 'org-123',
    });
    await client.models.retrieve('gpt-4o-mini');
    const [headers] = requests();
    expect(headers).toMatchObject({
      'x-api-key': '[REDACTED]',
      'x-forwarded-auth': '[REDACTED]',
      'x-team': 'search',
      'openai-organization': 'org-123',
    });
    expect(text()).not.toContain(KEY);
  });

  it('log nothing below the level asked for', async () => {
    const { client, text } = logged({ logLevel: 'info' });
    await client.models.retrieve('gpt-4o-mini');
    expect(text()).toBe('[]');
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
    const client = new OpenAI({
      apiKey: KEY,
      fetch: async () => Response.json(model),
      logger: { ...console, debug: (m: string) => lines.push(m) },
    });
    await client.models.retrieve('x');
    expect(lines.length).toBeGreaterThan(0);
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
    expect(warnings({})).toEqual([
      `process.env['OPENAI_LOG'] was set to "verbose", expected one of ["off","error","warn","info","debug"]`,
    ]);
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

describe('logLevel info', () => {
  it('logs the retry, not the requests', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      error: () => {},
      warn: () => {},
      info: (m) => lines.push(`info ${m}`),
      debug: (m) => lines.push(`debug ${m}`),
    };
    const answers = [
      Response.json({ error: { message: 'busy' } }, { status: 503, headers: { 'retry-after-ms': '1' } }),
      Response.json(model),
    ];
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      logLevel: 'info',
      logger,
      fetch: async () => answers.shift() ?? Response.json(model),
    });
    await client.models.retrieve('m');
    expect(lines).toEqual(['info retrying GET http://127.0.0.1:9/v1/models/m in 1 ms (2 left) after 503']);
  });
});

describe('log lines of the request loop', () => {
  it("gives each response line the answer's x-request-id, or null when it has none", async () => {
    const extras: unknown[] = [];
    const ignore = (): void => {};
    const logger: Logger = {
      error: ignore,
      warn: ignore,
      info: ignore,
      debug: (message, extra) => message.startsWith('response ') && extras.push(extra),
    };
    const answers = [errorResponse(500, { 'retry-after-ms': '1' }), modelResponse()];
    const client = clientWith(async () => answers.shift() ?? modelResponse(), { logLevel: 'debug', logger });
    await client.models.retrieve('gpt-4o-mini');
    expect(extras).toEqual([{ requestID: null }, { requestID: 'req_1' }]);
  });

  it('logs each request and response at debug, with the time taken, and each retry at info', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      error: (m) => lines.push(`error ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
      info: (m) => lines.push(`info ${m}`),
      debug: (m) => lines.push(`debug ${m}`),
    };
    const answers = [
      errorResponse(500, { 'retry-after-ms': '1' }),
      errorResponse(503, { 'retry-after-ms': '2' }),
      modelResponse(),
    ];
    const client = clientWith(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return answers.shift() ?? modelResponse();
      },
      { maxRetries: 2, logLevel: 'debug', logger },
    );
    await client.models.retrieve('gpt-4o-mini');
    const url = 'http://127.0.0.1:9/v1/models/gpt-4o-mini';
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`debug request GET ${url}`);
    expect(lines[1]).toMatch(new RegExp(`^debug response GET ${url} 500 in (\\d+) ms$`));
    const ms = Number(/in (\d+) ms/.exec(lines[1] ?? '')?.[1]);
    expect(ms).toBeGreaterThanOrEqual(55);
    expect(ms).toBeLessThan(5000);
    expect(lines[2]).toBe(`info retrying GET ${url} in 1 ms (2 left) after 500`);
    expect(lines[3]).toMatch(new RegExp(`^debug response GET ${url} 503 in \\d+ ms$`));
    expect(lines[4]).toBe(`info retrying GET ${url} in 2 ms (1 left) after 503`);
    expect(lines[5]).toMatch(new RegExp(`^debug response GET ${url} 200 in \\d+ ms$`));
  });
});
