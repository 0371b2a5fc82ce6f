/**
 * run.ts: what it does itself rather than hand to another unit. It scrubs
 * the API key from everything written (the last guard: whatever a server
 * echoes back or a bug lets through, the key never reaches the terminal;
 * the `ok` scenario of the failing server answers a retrieve with the id it
 * was asked for, so asking for the key itself makes the answer carry it),
 * logs the client's lines on stderr, prints --version and the help, and
 * never throws.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { usage } from './__tests__/run-cli.js';
import type { IO } from './io.js';
import { run } from './run.js';

const KEY = 'sk-cli-secret-0123456789abcdef';
let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

async function cli(argv: string[], env: Record<string, string> = {}, scenario = 'ok') {
  const io = memoryIO({ env: { OPENAI_BASE_URL: `${server.url}/${scenario}`, ...env } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('the key is scrubbed from stdout, wherever the CLI learnt it', () => {
  it.each([
    ['OPENAI_API_KEY', ['models', 'retrieve', KEY, '--field', 'id'], { OPENAI_API_KEY: KEY }],
    ['--api-key K', ['models', 'retrieve', KEY, '--field', 'id', '--api-key', KEY], {}],
    ['--api-key=K', ['--api-key=' + KEY, 'models', 'retrieve', KEY, '--field', 'id'], {}],
    [
      'the last of two --api-key',
      ['--api-key', 'sk-other-key-000000', 'models', 'retrieve', KEY, '--field', 'id', `--api-key=${KEY}`],
      {},
    ],
  ])('from %s', async (_, argv, env) => {
    expect(await cli(argv, env)).toEqual({ code: 0, out: '[REDACTED]\n', err: '' });
    expect(server.lastHeaders()?.authorization).toBe(`Bearer ${KEY}`);
  });

  it('from an OPENAI_API_KEY ending in a line break: sent trimmed, so echoed trimmed, so looked for trimmed', async () => {
    const { code, out } = await cli(['models', 'retrieve', KEY, '--format', 'json'], { OPENAI_API_KEY: `${KEY}\n` });
    expect(code).toBe(0);
    expect(out).toContain('"id": "[REDACTED]"');
    expect(out).not.toContain(KEY);
  });

  it('in every format, also inside JSON and YAML', async () => {
    for (const format of ['json', 'jsonl', 'yaml', 'table']) {
      const { code, out } = await cli(['models', 'retrieve', KEY, '--format', format], { OPENAI_API_KEY: KEY });
      expect(code).toBe(0);
      expect(out).toContain('[REDACTED]');
      expect(out).not.toContain(KEY);
    }
  });
});

describe('the key is scrubbed from stderr', () => {
  it('from a usage error that quotes the command line, even before the options are parsed', async () => {
    const bad = await cli(['models', 'list', KEY, `--api-key=${KEY}`, '--bogus']);
    expect(bad).toEqual({
      code: 2,
      out: '',
      err: "error: unknown option '--bogus'\nRun 'openai-models models list --help' for usage.\n",
    });
    const extra = await cli(['models', 'list', KEY, '--api-key', KEY]);
    expect(extra).toEqual({
      code: 2,
      out: '',
      err: "error: unexpected argument '[REDACTED]'\nRun 'openai-models models list --help' for usage.\n",
    });
  });

  it('from --debug lines', async () => {
    const { code, out, err } = await cli(['models', 'retrieve', KEY, '--field', 'id', '--debug'], {
      OPENAI_API_KEY: KEY,
    });
    expect(code).toBe(0);
    expect(out).toBe('[REDACTED]\n');
    expect(err).toMatch(
      /^debug: request GET http:\/\/127\.0\.0\.1:\d+\/ok\/models\/\[REDACTED\] \{"headers":\{"authorization":"Bearer \[REDACTED\]"\}\}\n/,
    );
    expect(err).not.toContain(KEY);
  });

  it('never prints the key, even when a server echoes it back, from --api-key or the environment', async () => {
    const fromEnv = await cli(['models', 'list', '--debug'], { OPENAI_API_KEY: KEY }, '401-echo');
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.err).toContain('error: 401 Bad credentials: Bearer [REDACTED]');
    const other = 'sk-option-key-9876543210';
    const fromOption = await cli(
      ['models', 'list', '--debug', `--api-key=${other}`],
      { OPENAI_API_KEY: KEY },
      '401-echo',
    );
    expect(fromOption.err).toContain('Bearer [REDACTED]');
    for (const text of [fromEnv.out, fromEnv.err, fromOption.out, fromOption.err]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(other);
    }
  });
});

describe('--debug', () => {
  it('logs the request and the response on stderr, the key redacted, data still alone on stdout', async () => {
    const { code, out, err } = await cli(['models', 'list', '--debug', '--field', 'id'], { OPENAI_API_KEY: KEY });
    expect(code).toBe(0);
    expect(out).toBe('gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n');
    expect(err).toMatch(
      new RegExp(`^debug: request GET ${server.url}/ok/models .*"authorization":"Bearer \\[REDACTED\\]"`, 'm'),
    );
    expect(err).toMatch(new RegExp(`^debug: response GET ${server.url}/ok/models 200 in \\d+ ms`, 'm'));
    expect(err).not.toContain(KEY);
  });
});

describe('--version and --help', () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: `${version}\n` });
  });

  it.each([
    [['--help'], 'Usage: openai-models <resource> <command>'],
    [['-h'], 'Usage: openai-models <resource> <command>'],
    [['models', '--help'], 'Usage: openai-models models <command>'],
    [['models', 'list', '--help'], 'Usage: openai-models models list'],
    [['models', 'retrieve', '--help'], 'Usage: openai-models models retrieve --model <id>'],
    [['models', 'delete', '-h'], 'Usage: openai-models models delete --model <id>'],
  ])('%j prints its level of help on stdout, without needing a key', async (argv, first) => {
    const io = memoryIO();
    expect(await run(argv, io)).toBe(0);
    expect(io.out().split('\n')[0]).toContain(first);
    expect(io.out()).toContain('--format <format>');
    expect(io.err()).toBe('');
  });

  it('`openai` and `openai-models models` alone print their help on stderr', async () => {
    expect(await usage([])).toMatch(/^Usage: openai-models <resource> <command> \[options\]\n/);
    expect(await usage(['models'])).toMatch(/^Usage: openai-models models <command> \[options\]\n/);
  });
});

/** An answer for the test of a failure while writing it. */
const model = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };

describe('an error the CLI did not expect', () => {
  it('is reported as a bug with its stack on stderr, exit 1; run() itself does not throw', async () => {
    const io = memoryIO({ env: { OPENAI_API_KEY: 'sk-test-output-0123456789' } });
    const broken: IO = {
      ...io,
      stdout: {
        isTTY: false,
        write: () => {
          throw new Error('disk full\x1b[2J');
        },
      },
      fetch: async () => Response.json({ object: 'list', data: [model] }),
    };
    expect(await run(['models', 'list'], broken)).toBe(1);
    expect(io.err()).toMatch(
      /^error: unexpected failure \(a bug; please report it\): Error: disk full\^\[\[2J\n {4}at /,
    );
  });
});
