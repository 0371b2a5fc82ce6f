/**
 * commands.ts: what `models list`, `retrieve` and `delete` do, end to end
 * against a real server (failing-server.ts, scenario `ok`), and how the
 * words of the line pick a command and its model id: what runs (the
 * request on the wire) and what is a usage error (exit 2, a hint to the
 * right --help, no request).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { LIST, MODEL, startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { echoingCLI, usage } from './__tests__/run-cli.js';
import { run } from './run.js';

const KEY = 'sk-test-0123456789abcdef';
let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

/** Runs the CLI against the server's `ok` scenario; a pipe unless `stdoutTTY`. */
async function cli(argv: string[], options: { stdoutTTY?: boolean; env?: Record<string, string> } = {}) {
  const io = memoryIO({
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${server.url}/ok`, ...options.env },
    ...(options.stdoutTTY === undefined ? {} : { stdoutTTY: options.stdoutTTY }),
  });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('openai-models models list', () => {
  it('prints the API JSON, pretty-printed, in a pipe (the default there)', async () => {
    const { code, out, err } = await cli(['models', 'list']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`${JSON.stringify(LIST, null, 2)}\n`);
  });

  it('prints a table in a terminal (the default there), created as a UTC date', async () => {
    const { code, out } = await cli(['models', 'list'], { stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'ID                                    CREATED     OWNED BY',
        'gpt-4o-mini                           2024-07-16  system',
        'ft:gpt-4o-mini:acemeco:suffix:abc123  2024-09-23  user-abc123',
        '',
      ].join('\n'),
    );
  });

  it('prints one model per line with --format jsonl', async () => {
    const { code, out } = await cli(['models', 'list', '--format', 'jsonl']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(LIST.data);
    expect(out.endsWith('\n')).toBe(true);
  });

  it('prints YAML that parses back to the answer with --format yaml', async () => {
    const { code, out } = await cli(['models', 'list', '--format', 'yaml']);
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 3)).toEqual(['object: list', 'data:', '  - id: gpt-4o-mini']);
    expect(parseYAML(out)).toEqual(LIST);
  });

  it('prints one field per model with --field, for scripts', async () => {
    expect((await cli(['models', 'list', '--field', 'id'])).out).toBe(
      'gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n',
    );
    expect((await cli(['models', 'list', '--field', 'created'])).out).toBe('1721172741\n1727131766\n');
  });
});

describe('openai-models models retrieve / delete', () => {
  it('retrieves a model by --model or by position, id encoded as the official clients do', async () => {
    const byOption = await cli(['models', 'retrieve', '--model', 'meta-llama/Llama-3.1-8B']);
    expect(byOption.code).toBe(0);
    expect(JSON.parse(byOption.out)).toEqual({ ...MODEL, id: 'meta-llama/Llama-3.1-8B' });
    const byPosition = await cli(['models', 'retrieve', 'ft:gpt-4o-mini:acemeco:suffix:abc123', '--format', 'yaml']);
    expect(byPosition.out).toBe(
      'id: ft:gpt-4o-mini:acemeco:suffix:abc123\nobject: model\ncreated: 1721172741\nowned_by: system\n',
    );
  });

  it('prints a model as a one-row table and as one jsonl line', async () => {
    const table = await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'table']);
    expect(table.out).toBe('ID           CREATED     OWNED BY\ngpt-4o-mini  2024-07-16  system\n');
    const jsonl = await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'jsonl']);
    expect(jsonl.out).toBe(`${JSON.stringify(MODEL)}\n`);
  });

  it('deletes a model and prints the answer in each format', async () => {
    const model = 'ft:gpt-4o-mini:acemeco:suffix:abc123';
    const answer = { id: model, object: 'model', deleted: true };
    expect((await cli(['models', 'delete', '--model', model])).out).toBe(`${JSON.stringify(answer, null, 2)}\n`);
    expect((await cli(['models', 'delete', model, '--format', 'jsonl'])).out).toBe(`${JSON.stringify(answer)}\n`);
    expect(parseYAML((await cli(['models', 'delete', model, '--format', 'yaml'])).out)).toEqual(answer);
    expect((await cli(['models', 'delete', model, '--format', 'table'])).out).toBe(
      `ID                                    DELETED\n${model}  true\n`,
    );
    expect((await cli(['models', 'delete', model, '--field', 'deleted'])).out).toBe('true\n');
    expect(server.lastHeaders()?.['authorization']).toBe(`Bearer ${KEY}`);
  });
});

describe('the model id', () => {
  it('may be given both by position and by --model when they agree', async () => {
    const { code, out, err, requests } = await echoingCLI([
      'models',
      'retrieve',
      'gpt-4o-mini',
      '--model',
      'gpt-4o-mini',
      '--field',
      'id',
    ]);
    expect({ code, out, err }).toEqual({ code: 0, out: 'gpt-4o-mini\n', err: '' });
    expect(requests).toEqual(['GET https://api.openai.com/v1/models/gpt-4o-mini']);
  });

  it.each([
    [
      ['models', 'retrieve', '--model', ''],
      "error: Expected a non-empty value for `model` but received ''\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [
      ['models', 'retrieve', ''],
      "error: Expected a non-empty value for `model` but received ''\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [
      ['models', 'delete', '.'],
      "error: Value '.' can't be safely passed as the `model` path parameter: the URL would name another endpoint\nRun 'openai-models models delete --help' for usage.\n",
    ],
    [
      ['models', 'delete', '--model', '..'],
      "error: Value '..' can't be safely passed as the `model` path parameter: the URL would name another endpoint\nRun 'openai-models models delete --help' for usage.\n",
    ],
  ])(
    '%j: an id that would name another endpoint is refused by the client, a usage error of the command',
    async (argv, expected) => {
      expect(await echoingCLI(argv)).toEqual({ code: 2, out: '', err: expected, requests: [] });
    },
  );

  it('one the client refuses before sending (a lone surrogate) is a usage error too, with no stack', async () => {
    const { code, out, err, requests } = await echoingCLI(['models', 'retrieve', 'gpt-\ud800']);
    expect({ code, out, requests }).toEqual({ code: 2, out: '', requests: [] });
    expect(err).toBe(
      "error: Expected well-formed Unicode for `model` but it contains a lone surrogate\nRun 'openai-models models retrieve --help' for usage.\n",
    );
  });
});

describe('a mistyped command', () => {
  it.each([
    ['lsit', 'list'],
    ['retreive', 'retrieve'],
    ['delte', 'delete'],
  ])('%s, within two edits of %s, gets a hint', async (typed, known) => {
    expect(await echoingCLI(['models', typed])).toEqual({
      code: 2,
      out: '',
      err: `error: unknown command 'models ${typed}' (did you mean '${known}'?)\nRun 'openai-models models --help' for usage.\n`,
      requests: [],
    });
  });

  it.each(['lisxyz', 'xyz', 'retrieveabc'])('%s, three edits or more from any command, gets none', async (typed) => {
    expect(await echoingCLI(['models', typed])).toEqual({
      code: 2,
      out: '',
      err: `error: unknown command 'models ${typed}'\nRun 'openai-models models --help' for usage.\n`,
      requests: [],
    });
  });
});

describe('usage errors exit 2 with a hint', () => {
  it.each([
    [['model', 'list'], "error: unknown command 'model'\nRun 'openai-models --help' for usage.\n"],
    [
      ['models', 'lst'],
      "error: unknown command 'models lst' (did you mean 'list'?)\nRun 'openai-models models --help' for usage.\n",
    ],
    [['models', 'get'], "error: unknown command 'models get'\nRun 'openai-models models --help' for usage.\n"],
    [['models', 'retrieve'], "error: missing --model <id>\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'delete'], "error: missing --model <id>\nRun 'openai-models models delete --help' for usage.\n"],
    [
      ['models', 'retrieve', 'a', 'b'],
      "error: unexpected argument 'b'\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [
      ['models', 'retrieve', 'a', '--model', 'b'],
      "error: give the model once: --model b or a\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [
      ['models', 'retrieve', '..'],
      "error: Value '..' can't be safely passed as the `model` path parameter: the URL would name another endpoint\nRun 'openai-models models retrieve --help' for usage.\n",
    ],
    [
      ['models', 'list', 'extra'],
      "error: unexpected argument 'extra'\nRun 'openai-models models list --help' for usage.\n",
    ],
    [
      ['models', 'list', '--model', 'x'],
      "error: 'models list' takes no --model\nRun 'openai-models models list --help' for usage.\n",
    ],
  ])('%j', async (argv, expected) => {
    expect(await usage(argv)).toBe(expected);
  });
});
