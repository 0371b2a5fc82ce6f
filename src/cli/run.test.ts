/**
 * The CLI's last guard: whatever a server echoes back or a bug lets through,
 * the API key never reaches the terminal. The `ok` scenario of the failing
 * server answers a retrieve with the id it was asked for, so asking for the
 * key itself makes the answer carry it: only the CLI's own scrubbing of
 * stdout and stderr stands between it and the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';

const KEY = 'sk-cli-secret-0123456789abcdef';
let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

async function cli(argv: string[], env: Record<string, string> = {}) {
  const io = memoryIO({ env: { OPENAI_BASE_URL: `${server.url}/ok`, ...env } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('the key is scrubbed from stdout, wherever the CLI learnt it', () => {
  it.each([
    ['OPENAI_API_KEY', ['models', 'retrieve', KEY, '--field', 'id'], { OPENAI_API_KEY: KEY }],
    ['--api-key K', ['models', 'retrieve', KEY, '--field', 'id', '--api-key', KEY], {}],
    ['--api-key=K', ['--api-key=' + KEY, 'models', 'retrieve', KEY, '--field', 'id'], {}],
    ['the last of two --api-key', ['--api-key', 'sk-other-key-000000', 'models', 'retrieve', KEY, '--field', 'id', `--api-key=${KEY}`], {}],
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
    expect(bad).toEqual({ code: 2, out: '', err: "error: unknown option '--bogus'\nRun 'openai-models models list --help' for usage.\n" });
    const extra = await cli(['models', 'list', KEY, '--api-key', KEY]);
    expect(extra).toEqual({ code: 2, out: '', err: "error: unexpected argument '[REDACTED]'\nRun 'openai-models models list --help' for usage.\n" });
  });

  it('from --debug lines', async () => {
    const { code, out, err } = await cli(['models', 'retrieve', KEY, '--field', 'id', '--debug'], { OPENAI_API_KEY: KEY });
    expect(code).toBe(0);
    expect(out).toBe('[REDACTED]\n');
    expect(err).toMatch(/^debug: request GET http:\/\/127\.0\.0\.1:\d+\/ok\/models\/\[REDACTED\] \{"headers":\{"authorization":"Bearer \[REDACTED\]"\}\}\n/);
    expect(err).not.toContain(KEY);
  });
});

describe('keys shorter than 8 characters are not searched for, so they cannot garble output', () => {
  it('a 7-character key leaves its text alone; an 8-character key is scrubbed', async () => {
    const short = await cli(['models', 'retrieve', 'abc1234', '--field', 'id'], { OPENAI_API_KEY: 'abc1234' });
    expect(short).toEqual({ code: 0, out: 'abc1234\n', err: '' });
    const eight = await cli(['models', 'retrieve', 'abcd1234', '--field', 'id'], { OPENAI_API_KEY: 'abcd1234' });
    expect(eight).toEqual({ code: 0, out: '[REDACTED]\n', err: '' });
  });
});
