import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { LIST, MODEL, startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
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

  it('bolds the table header in a terminal only when NO_COLOR is unset or empty', async () => {
    const coloured = await cli(['models', 'list'], { stdoutTTY: true });
    expect(coloured.out.split('\n')[0]).toBe('\x1b[1mID                                    CREATED     OWNED BY\x1b[22m');
    const empty = await cli(['models', 'list'], { stdoutTTY: true, env: { NO_COLOR: '' } });
    expect(empty.out).toContain('\x1b[1m');
    const piped = await cli(['models', 'list', '--format', 'table']);
    expect(piped.out).not.toContain('\x1b');
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
    expect((await cli(['models', 'list', '--field', 'id'])).out).toBe('gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n');
    expect((await cli(['models', 'list', '--field', 'created'])).out).toBe('1721172741\n1727131766\n');
  });

  it('takes global options before or after the command', async () => {
    const before = await cli(['--format', 'jsonl', 'models', 'list']);
    const after = await cli(['models', 'list', '--format=jsonl']);
    expect(before.out).toBe(after.out);
    expect(before.out.split('\n')).toHaveLength(3);
  });
});

describe('openai-models models retrieve / delete', () => {
  it('retrieves a model by --model or by position, id encoded as the official clients do', async () => {
    const byOption = await cli(['models', 'retrieve', '--model', 'meta-llama/Llama-3.1-8B']);
    expect(byOption.code).toBe(0);
    expect(JSON.parse(byOption.out)).toEqual({ ...MODEL, id: 'meta-llama/Llama-3.1-8B' });
    const byPosition = await cli(['models', 'retrieve', 'ft:gpt-4o-mini:acemeco:suffix:abc123', '--format', 'yaml']);
    expect(byPosition.out).toBe('id: ft:gpt-4o-mini:acemeco:suffix:abc123\nobject: model\ncreated: 1721172741\nowned_by: system\n');
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

describe('options', () => {
  it('sends --api-key, --organization and --project, which beat the environment', async () => {
    const { code } = await cli(['models', 'list', '--api-key', 'sk-from-option-123', '--organization', 'org-1', '--project', 'proj-1'], {
      env: { OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj-env' },
    });
    expect(code).toBe(0);
    const headers = server.lastHeaders();
    expect(headers?.['authorization']).toBe('Bearer sk-from-option-123');
    expect(headers?.['openai-organization']).toBe('org-1');
    expect(headers?.['openai-project']).toBe('proj-1');
  });

  it('reads OPENAI_ORG_ID and OPENAI_PROJECT_ID from the environment it is given', async () => {
    await cli(['models', 'list'], { env: { OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj-env' } });
    expect(server.lastHeaders()?.['openai-organization']).toBe('org-env');
    expect(server.lastHeaders()?.['openai-project']).toBe('proj-env');
  });

  it('--base-url beats OPENAI_BASE_URL, keeping a path prefix', async () => {
    const { code, out } = await cli(['models', 'list', '--field', 'id', '--base-url', `${server.url}/ok/v1/`], {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect({ code, out }).toEqual({ code: 0, out: 'gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n' });
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
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
});
