/**
 * settings.ts: how the values of options and of the environment reach the
 * client, seen from outside: what is refused as a usage error (exit 2, no
 * request), and what an accepted value does to the requests and the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { usage } from './__tests__/run-cli.js';
import { run } from './run.js';
import { duration } from './settings.js';

const KEY = 'sk-test-settings-0123456789';
const LIST = {
  object: 'list',
  data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }],
};

type Answer = (request: Request, signal: AbortSignal | undefined) => Response | Promise<Response>;

/** Runs the CLI against a fake `fetch` that answers with `answer` and records every request. */
async function cli(argv: string[], answer: Answer = () => Response.json(LIST), env: Record<string, string> = {}) {
  const requests: Request[] = [];
  const io = {
    ...memoryIO({ env: { OPENAI_API_KEY: KEY, ...env } }),
    fetch: async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      requests.push(request);
      return answer(request, init?.signal ?? undefined);
    },
  };
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err(), requests };
}

/** A server that never answers: the request ends only when its signal fires. */
const stall: Answer = (_request, signal) =>
  new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A list whose JSON is well over `bytes` long. */
const bigList = (bytes: number): Response =>
  Response.json({ object: 'list', data: [{ id: 'x'.repeat(bytes), object: 'model' }] });

function usageError(result: { code: number; out: string; err: string; requests: Request[] }): string {
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.requests).toEqual([]);
  return result.err;
}

let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

/** Runs the CLI against the failing server's `ok` scenario, which answers as the API does. */
async function serverCLI(argv: string[], options: { env?: Record<string, string> } = {}) {
  const io = memoryIO({ env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${server.url}/ok`, ...options.env } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('usage errors exit 2 with a hint', () => {
  it.each([
    [
      ['models', 'list', '--format', 'xml'],
      "error: --format must be one of json, jsonl, yaml, table; got 'xml'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--format', 'json', '--field', 'id'],
      "error: use --format or --field, not both\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--timeout', '0'],
      "error: --timeout must be a positive duration such as 30, 30s, 500ms or 2m; got '0'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--timeout', 'soon'],
      "error: --timeout must be a positive duration such as 30, 30s, 500ms or 2m; got 'soon'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--max-retries', '1.5'],
      "error: --max-retries must be a whole number from 0 to 999; got '1.5'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--base-url', 'api.openai.com/v1'],
      'error: baseURL must be an http:// or https:// URL, got "api.openai.com/v1"\nRun \'openai-models models list --help\' for usage.\n',
    ],
    [
      ['models', 'list', '--base-url', 'ftp://example.com'],
      'error: baseURL must be an http:// or https:// URL, got "ftp://example.com"\nRun \'openai-models models list --help\' for usage.\n',
    ],
    [
      ['models', 'list', '--base-url', 'http://me:hunter2-password@127.0.0.1:9/v1'],
      'error: baseURL must not hold credentials (user:password@), got "http://***@127.0.0.1:9/v1"\nRun \'openai-models models list --help\' for usage.\n',
    ],
    [
      ['models', 'list', '--base-url', ''],
      "error: --base-url is empty\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--api-key', ' '],
      "error: --api-key is empty\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--organization='],
      "error: --organization is empty\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--project', ''],
      "error: --project is empty\nRun 'openai-models models list --help' for usage.\n",
    ],
  ])('%j', async (argv, expected) => {
    expect(await usage(argv)).toBe(expected);
  });

  it('a missing API key (none in the environment given, none as an option)', async () => {
    expect(await usage(['models', 'list'], {})).toBe(
      "error: missing API key: set OPENAI_API_KEY or pass --api-key\nRun 'openai-models models list --help' for usage.\n",
    );
    expect(await usage(['models', 'list'], { OPENAI_API_KEY: ' ' })).toContain('missing API key');
  });

  it('a bad OPENAI_BASE_URL', async () => {
    expect(
      await usage(['models', 'list'], {
        OPENAI_API_KEY: 'sk-test-usage-0123456789',
        OPENAI_BASE_URL: 'localhost:4010',
      }),
    ).toContain('baseURL must be an http:// or https:// URL, got "localhost:4010"');
  });
});

describe('the key, the organization, the project, the base URL', () => {
  it('sends --api-key, --organization and --project, which beat the environment', async () => {
    const { code } = await serverCLI(
      ['models', 'list', '--api-key', 'sk-from-option-123', '--organization', 'org-1', '--project', 'proj-1'],
      {
        env: { OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj-env' },
      },
    );
    expect(code).toBe(0);
    const headers = server.lastHeaders();
    expect(headers?.['authorization']).toBe('Bearer sk-from-option-123');
    expect(headers?.['openai-organization']).toBe('org-1');
    expect(headers?.['openai-project']).toBe('proj-1');
  });

  it('reads OPENAI_ORG_ID and OPENAI_PROJECT_ID from the environment it is given', async () => {
    await serverCLI(['models', 'list'], { env: { OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj-env' } });
    expect(server.lastHeaders()?.['openai-organization']).toBe('org-env');
    expect(server.lastHeaders()?.['openai-project']).toBe('proj-env');
  });

  it('--base-url beats OPENAI_BASE_URL, keeping a path prefix', async () => {
    const { code, out } = await serverCLI(['models', 'list', '--field', 'id', '--base-url', `${server.url}/ok/v1/`], {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect({ code, out }).toEqual({ code: 0, out: 'gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n' });
  });
});

describe('--base-url', () => {
  it('must start with the scheme, not merely contain one', async () => {
    const url = 'ftp://example.com/?next=http://api.example.com';
    expect(usageError(await cli(['models', 'list', '--base-url', url]))).toBe(
      `error: baseURL must be an http:// or https:// URL, got "${url}"\nRun 'openai-models models list --help' for usage.\n`,
    );
  });

  it('given empty, is refused rather than replaced by OPENAI_BASE_URL', async () => {
    expect(
      usageError(await cli(['models', 'list', '--base-url='], undefined, { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })),
    ).toBe("error: --base-url is empty\nRun 'openai-models models list --help' for usage.\n");
  });
});

describe('OPENAI_LOG', () => {
  it('that is no level is named in a warning, and ignored', async () => {
    const { code, out, err } = await cli(['models', 'list', '--field', 'id'], undefined, {
      OPENAI_LOG: 'verbose\x1b[2J',
    });
    expect({ code, out, err }).toEqual({
      code: 0,
      out: 'gpt-4o-mini\n',
      // The client's words, as the official SDK's; the escape arrives JSON-escaped, never raw.
      err: 'warn: process.env[\'OPENAI_LOG\'] was set to "verbose\\u001b[2J", expected one of ["off","error","warn","info","debug"]\n',
    });
  });

  it('debug logs each request and response on stderr, the data alone on stdout', async () => {
    const { code, out, err } = await cli(['models', 'list', '--field', 'id'], undefined, { OPENAI_LOG: 'debug' });
    expect({ code, out }).toEqual({ code: 0, out: 'gpt-4o-mini\n' });
    expect(err).toMatch(
      /^debug: request GET https:\/\/api\.openai\.com\/v1\/models .*"authorization":"Bearer \[REDACTED\]"/m,
    );
    expect(err).toMatch(/^debug: response GET https:\/\/api\.openai\.com\/v1\/models 200 in \d+ ms/m);
  });

  it('info logs each retry, not the requests', async () => {
    let calls = 0;
    const busyOnce = (): Response =>
      calls++ === 0
        ? Response.json(
            { error: { message: 'busy', type: 'server_error', param: null, code: null } },
            { status: 500, headers: { 'retry-after-ms': '0' } },
          )
        : Response.json(LIST);
    const { code, out, err } = await cli(['models', 'list', '--field', 'id', '--max-retries', '1'], busyOnce, {
      OPENAI_LOG: 'info',
    });
    expect({ code, out, err }).toEqual({
      code: 0,
      out: 'gpt-4o-mini\n',
      err: 'info: retrying GET https://api.openai.com/v1/models in 0 ms (1 left) after 500\n',
    });
  });
});

describe('--max-retries', () => {
  it('takes up to three digits: 12 retries make 13 requests', async () => {
    const failing = (): Response =>
      Response.json(
        { error: { message: 'busy', type: 'server_error', param: null, code: null } },
        { status: 500, headers: { 'retry-after-ms': '0' } },
      );
    const { code, out, err, requests } = await cli(['models', 'list', '--max-retries', '12'], failing);
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: 'error: 500 busy\n' });
    expect(requests).toHaveLength(13);
  });

  it('refuses four digits', async () => {
    expect(usageError(await cli(['models', 'list', '--max-retries', '1000']))).toBe(
      "error: --max-retries must be a whole number from 0 to 999; got '1000'\nRun 'openai-models models list --help' for usage.\n",
    );
  });
});

describe('--timeout', () => {
  it.each(['0.05', '.05', ' 0.05s ', '50ms'])('%j: a stalled request is given up after that long', async (timeout) => {
    const started = Date.now();
    const { code, out, err, requests } = await cli(
      ['models', 'list', '--timeout', timeout, '--max-retries', '0'],
      stall,
    );
    expect({ code, out, err }).toEqual({
      code: 1,
      out: '',
      err: 'error: Request timed out. Try a larger --timeout.\n',
    });
    expect(requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('takes up to 2^31-1 ms, the longest timer there is', async () => {
    const { code, out } = await cli(['models', 'list', '--timeout', '2147483647ms', '--field', 'id']);
    expect({ code, out }).toEqual({ code: 0, out: 'gpt-4o-mini\n' });
    expect(usageError(await cli(['models', 'list', '--timeout', '2147483648ms']))).toBe(
      "error: --timeout must be a positive duration such as 30, 30s, 500ms or 2m; got '2147483648ms'\nRun 'openai-models models list --help' for usage.\n",
    );
  });
});

describe('--max-response-size', () => {
  it.each([
    ['10', 10],
    ['1024', 1024],
    [' 2k ', 2048],
    ['1K', 1024],
  ])('%j: an answer over %i bytes is refused, naming the limit', async (size, bytes) => {
    const { code, out, err } = await cli(['models', 'list', '--max-response-size', size, '--max-retries', '0'], () =>
      bigList(4096),
    );
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toContain(`(${bytes} bytes)`);
    expect(err).toMatch(/^error: [^\n]* Try a larger --max-response-size\.\n$/);
  });

  it('an answer within the limit is printed', async () => {
    const { code, out, err } = await cli(['models', 'list', '--max-response-size', '1k', '--field', 'id']);
    expect({ code, out, err }).toEqual({ code: 0, out: 'gpt-4o-mini\n', err: '' });
  });

  it.each(['0', '0k', 'x5', '5x', '1.5k', '8388608g', '9007199254740993'])('%j is refused', async (size) => {
    expect(usageError(await cli(['models', 'list', '--max-response-size', size]))).toBe(
      `error: --max-response-size must be a size in bytes such as 1048576, 512k, 64m or 1g; got '${size}'\nRun 'openai-models models list --help' for usage.\n`,
    );
  });
});

describe('--timeout durations', () => {
  it.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['1.5s', 1500],
    ['.5', 500],
    ['500ms', 500],
    ['2m', 120_000],
  ])('%s is %i ms', (text, ms) => {
    expect(duration(text)).toBe(ms);
  });

  it.each(['', '0', '0ms', '-1', '1h', '1e3', 'abc', '99999999'])('%j is refused', (text) => {
    expect(duration(text)).toBeUndefined();
  });
});

describe('the environment', () => {
  it('comes from io.env only: process.env is not read behind its back', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      OPENAI_API_KEY: 'sk-process-env-0123456789',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/process-env',
      OPENAI_ORG_ID: 'org-process',
      OPENAI_LOG: 'debug',
    });
    try {
      const requests: Request[] = [];
      const io = {
        ...memoryIO({ env: { OPENAI_API_KEY: 'sk-io-env-0123456789' } }),
        fetch: async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
          requests.push(new Request(input, init));
          return Response.json({ object: 'list', data: [] });
        },
      };
      expect(await run(['models', 'list'], io)).toBe(0);
      expect(io.err()).toBe('');
      expect(requests.map((request) => request.url)).toEqual(['https://api.openai.com/v1/models']);
      expect(requests[0]?.headers.get('authorization')).toBe('Bearer sk-io-env-0123456789');
      expect(requests[0]?.headers.get('openai-organization')).toBeNull();
      expect(await run(['models', 'list'], { ...memoryIO(), fetch: io.fetch })).toBe(2);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});

describe('--strict', () => {
  it('checks the answer against the spec: what the default keeps fails, exit 1, one line', async () => {
    const noCreated = () => Response.json({ object: 'list', data: [{ id: 'phi-2', object: 'model' }] });
    expect(await cli(['models', 'list', '--field', 'id'], noCreated)).toMatchObject({ code: 0, out: 'phi-2\n' });
    const strict = await cli(['models', 'list', '--strict'], noCreated);
    expect(strict).toMatchObject({ code: 1, out: '' });
    expect(strict.err).toBe('error: 200 response body.data[0].created is missing (required); request id none\n');
    expect(await cli(['models', 'list', '--strict', '--field', 'id'])).toMatchObject({ code: 0, out: 'gpt-4o-mini\n' });
  });
});
