import { describe, expect, it } from 'vitest';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';
import { duration } from './settings.js';

/**
 * Usage errors: exit 2, nothing on stdout, the problem and a hint to the
 * right --help on stderr, and no request at all (the fetch given throws).
 */
async function usage(argv: string[], env: Record<string, string> = { OPENAI_API_KEY: 'sk-test-usage-0123456789' }) {
  const io = {
    ...memoryIO({ env }),
    fetch: (): Promise<Response> => Promise.reject(new Error('a usage error must not send a request')),
  };
  const code = await run(argv, io);
  expect(code).toBe(2);
  expect(io.out()).toBe('');
  expect(io.err()).not.toMatch(/\n\s+at /);
  return io.err();
}

describe('usage errors exit 2 with a hint', () => {
  it.each([
    [['model', 'list'], "error: unknown command 'model'\nRun 'openai-models --help' for usage.\n"],
    [['models', 'lst'], "error: unknown command 'models lst' (did you mean 'list'?)\nRun 'openai-models models --help' for usage.\n"],
    [['models', 'get'], "error: unknown command 'models get'\nRun 'openai-models models --help' for usage.\n"],
    [['models', 'list', '--colour'], "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '-x'], "error: unknown option '-x'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--colour=red'], "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', '--colour', 'list'], "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n"],
    [['--api-key', 'sk-x', 'models', 'list', '--colour'], "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'retrieve', '-x', 'gpt-4o'], "error: unknown option '-x'\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['model', 'list', '--colour'], "error: unknown option '--colour'\nRun 'openai-models --help' for usage.\n"],
    [['models', 'lst', '--colour'], "error: unknown option '--colour'\nRun 'openai-models models --help' for usage.\n"],
    [['--colour', 'models', 'list'], "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--debug=yes'], "error: option '--debug' takes no value\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--format'], "error: option '--format' needs a value\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'retrieve'], "error: missing --model <id>\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'delete'], "error: missing --model <id>\nRun 'openai-models models delete --help' for usage.\n"],
    [['models', 'retrieve', '--model', '--debug'], "error: option '--model' needs a value (write --model=-x for a value that starts with '-')\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'retrieve', 'a', 'b'], "error: unexpected argument 'b'\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'retrieve', 'a', '--model', 'b'], "error: give the model once: --model b or a\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'retrieve', '..'], "error: '..' is not a model id\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'list', 'extra'], "error: unexpected argument 'extra'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--model', 'x'], "error: 'models list' takes no --model\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--format', 'xml'], "error: --format must be one of json, jsonl, yaml, table; got 'xml'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--format', 'json', '--field', 'id'], "error: use --format or --field, not both\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--timeout', '0'], "error: --timeout must be a positive duration such as 30, 30s, 500ms or 2m; got '0'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--timeout', 'soon'], "error: --timeout must be a positive duration such as 30, 30s, 500ms or 2m; got 'soon'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--max-retries', '-1'], "error: option '--max-retries' needs a value (write --max-retries=-x for a value that starts with '-')\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--max-retries', '1.5'], "error: --max-retries must be a whole number from 0 to 999; got '1.5'\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--base-url', 'api.openai.com/v1'], 'error: baseURL must be an http:// or https:// URL, got "api.openai.com/v1"\nRun \'openai-models models list --help\' for usage.\n'],
    [['models', 'list', '--base-url', 'ftp://example.com'], 'error: baseURL must be an http:// or https:// URL, got "ftp://example.com"\nRun \'openai-models models list --help\' for usage.\n'],
    [['models', 'list', '--base-url', 'http://me:hunter2-password@127.0.0.1:9/v1'], 'error: baseURL must not hold credentials (user:password@), got "http://***@127.0.0.1:9/v1"\nRun \'openai-models models list --help\' for usage.\n'],
    [['models', 'list', '--base-url', ''], "error: --base-url is empty\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--api-key', ' '], "error: --api-key is empty\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--organization='], "error: --organization is empty\nRun 'openai-models models list --help' for usage.\n"],
    [['models', 'list', '--project', ''], "error: --project is empty\nRun 'openai-models models list --help' for usage.\n"],
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
    expect(await usage(['models', 'list'], { OPENAI_API_KEY: 'sk-test-usage-0123456789', OPENAI_BASE_URL: 'localhost:4010' })).toContain(
      'baseURL must be an http:// or https:// URL, got "localhost:4010"',
    );
  });

  it('`openai` and `openai-models models` alone print their help on stderr', async () => {
    expect(await usage([])).toMatch(/^Usage: openai-models <resource> <command> \[options\]\n/);
    expect(await usage(['models'])).toMatch(/^Usage: openai-models models <command> \[options\]\n/);
  });

  it('a --field that no model has (a typo) is reported after the call, with the fields there are', async () => {
    const io = {
      ...memoryIO({ env: { OPENAI_API_KEY: 'sk-test-usage-0123456789' } }),
      fetch: async (): Promise<Response> => Response.json({ object: 'list', data: [{ id: 'a', object: 'model' }] }),
    };
    expect(await run(['models', 'list', '--field', 'idd'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe("error: no field 'idd' in the answer (it has: id, object)\nRun 'openai-models models list --help' for usage.\n");
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
    Object.assign(process.env, { OPENAI_API_KEY: 'sk-process-env-0123456789', OPENAI_BASE_URL: 'http://127.0.0.1:1/process-env', OPENAI_ORG_ID: 'org-process', OPENAI_LOG: 'debug' });
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
