/**
 * options.ts: options anywhere on the line, and how a line that does not
 * parse is told (exit 2, no request), with a hint to the help of the
 * command it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { echoingCLI, usage } from './__tests__/run-cli.js';
import { run } from './run.js';

let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

/** Runs the CLI against the failing server's `ok` scenario, which answers as the API does. */
async function cli(argv: string[]) {
  const io = memoryIO({ env: { OPENAI_API_KEY: 'sk-test-0123456789abcdef', OPENAI_BASE_URL: `${server.url}/ok` } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('options', () => {
  it('takes global options before or after the command', async () => {
    const before = await cli(['--format', 'jsonl', 'models', 'list']);
    const after = await cli(['models', 'list', '--format=jsonl']);
    expect(before.out).toBe(after.out);
    expect(before.out.split('\n')).toHaveLength(3);
  });
});

describe('usage errors exit 2 with a hint', () => {
  it.each([
    [
      ['models', 'list', '--colour'],
      "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [['models', 'list', '-x'], "error: unknown option '-x'\nRun 'openai-models models list --help' for usage.\n"],
    [
      ['models', 'list', '--colour=red'],
      "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', '--colour', 'list'],
      "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['--api-key', 'sk-x', 'models', 'list', '--colour'],
      "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'retrieve', '-x', 'gpt-4o'],
      "error: unknown option '-x'\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [['model', 'list', '--colour'], "error: unknown option '--colour'\nRun 'openai-models --help' for usage.\n"],
    [['models', 'lst', '--colour'], "error: unknown option '--colour'\nRun 'openai-models models --help' for usage.\n"],
    [
      ['--colour', 'models', 'list'],
      "error: unknown option '--colour'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--debug=yes'],
      "error: option '--debug' takes no value\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--format'],
      "error: option '--format' needs a value\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'retrieve', '--model', '--debug'],
      "error: option '--model' needs a value (write --model=-x for a value that starts with '-')\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [
      ['models', 'list', '--max-retries', '-1'],
      "error: option '--max-retries' needs a value (write --max-retries=-x for a value that starts with '-')\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['conformance', '--colour'],
      "error: unknown option '--colour'\nRun 'openai-models conformance --help' for usage.\n",
    ],
    [
      ['--debug=yes', 'conformance'],
      "error: option '--debug' takes no value\nRun 'openai-models conformance --help' for usage.\n",
    ],
  ])('%j', async (argv, expected) => {
    expect(await usage(argv)).toBe(expected);
  });
});

describe('a line that does not parse', () => {
  it.each([
    [
      ['models', 'delete', '--colour'],
      "error: unknown option '--colour'\nRun 'openai-models models delete --help' for usage.\n",
    ],
    [
      ['models', 'delete', 'x', '--model'],
      "error: option '--model' needs a value\nRun 'openai-models models delete --help' for usage.\n",
    ],
    [
      ['models', 'retrieve', '--colour'],
      "error: unknown option '--colour'\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
  ])('%j points to the help of the command named before the first option', async (argv, expected) => {
    expect(await echoingCLI(argv)).toEqual({ code: 2, out: '', err: expected, requests: [] });
  });
});
