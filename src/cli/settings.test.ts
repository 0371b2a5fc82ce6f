/**
 * How the values of options and of the environment reach the client, seen
 * from outside: what is refused as a usage error (exit 2, no request), and
 * what an accepted value does to the requests and the answer.
 */
import { describe, expect, it } from 'vitest';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';

const KEY = 'sk-test-settings-0123456789';
const LIST = { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }] };

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
const bigList = (bytes: number): Response => Response.json({ object: 'list', data: [{ id: 'x'.repeat(bytes), object: 'model' }] });

function usageError(result: { code: number; out: string; err: string; requests: Request[] }): string {
  expect(result.code).toBe(2);
  expect(result.out).toBe('');
  expect(result.requests).toEqual([]);
  return result.err;
}

describe('--base-url', () => {
  it('must start with the scheme, not merely contain one', async () => {
    const url = 'ftp://example.com/?next=http://api.example.com';
    expect(usageError(await cli(['models', 'list', '--base-url', url]))).toBe(
      `error: baseURL must be an http:// or https:// URL, got "${url}"\nRun 'openai-models models list --help' for usage.\n`,
    );
  });

  it('given empty, is refused rather than replaced by OPENAI_BASE_URL', async () => {
    expect(usageError(await cli(['models', 'list', '--base-url='], undefined, { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }))).toBe(
      "error: --base-url is empty\nRun 'openai-models models list --help' for usage.\n",
    );
  });
});

describe('OPENAI_LOG', () => {
  it('that is no level is named in a warning, and ignored', async () => {
    const { code, out, err } = await cli(['models', 'list', '--field', 'id'], undefined, { OPENAI_LOG: 'verbose\x1b[2J' });
    expect({ code, out, err }).toEqual({
      code: 0,
      out: 'gpt-4o-mini\n',
      err: "warn: OPENAI_LOG must be one of off, error, warn, info, debug; got 'verbose^[[2J', ignored\n",
    });
  });


  it('debug logs each request and response on stderr, the data alone on stdout', async () => {
    const { code, out, err } = await cli(['models', 'list', '--field', 'id'], undefined, { OPENAI_LOG: 'debug' });
    expect({ code, out }).toEqual({ code: 0, out: 'gpt-4o-mini\n' });
    expect(err).toMatch(/^debug: request GET https:\/\/api\.openai\.com\/v1\/models .*"authorization":"Bearer \[REDACTED\]"/m);
    expect(err).toMatch(/^debug: response GET https:\/\/api\.openai\.com\/v1\/models 200 in \d+ ms/m);
  });

  it('info logs each retry, not the requests', async () => {
    let calls = 0;
    const busyOnce = (): Response =>
      calls++ === 0
        ? Response.json({ error: { message: 'busy', type: 'server_error', param: null, code: null } }, { status: 500, headers: { 'retry-after-ms': '0' } })
        : Response.json(LIST);
    const { code, out, err } = await cli(['models', 'list', '--field', 'id', '--max-retries', '1'], busyOnce, { OPENAI_LOG: 'info' });
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
      Response.json({ error: { message: 'busy', type: 'server_error', param: null, code: null } }, { status: 500, headers: { 'retry-after-ms': '0' } });
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
    const { code, out, err, requests } = await cli(['models', 'list', '--timeout', timeout, '--max-retries', '0'], stall);
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: 'error: Request timed out. Try a larger --timeout.\n' });
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
    const { code, out, err } = await cli(['models', 'list', '--max-response-size', size, '--max-retries', '0'], () => bigList(4096));
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
