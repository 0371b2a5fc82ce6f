/**
 * What the CLI prints for answers that OpenAI-compatible servers send and
 * the happy-path tests do not: models missing a field, empty lists, empty
 * objects; and what --debug and an unexpected failure put on stderr.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';
import type { IO } from './io.js';

/** Runs the CLI against a fake `fetch` that always answers with `answer()`. */
async function cli(argv: string[], answer: () => Response) {
  const io = memoryIO({ env: { OPENAI_API_KEY: 'sk-test-output-0123456789' } });
  const code = await run(argv, { ...io, fetch: async () => answer() });
  return { code, out: io.out(), err: io.err() };
}

const list = (...data: object[]) => () => Response.json({ object: 'list', data });
const model = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };

describe('--field', () => {
  it('prints an empty line for a model without the field, so lines keep matching models', async () => {
    const { code, out, err } = await cli(['models', 'list', '--field', 'owned_by'], list(model, { id: 'local-model', object: 'model' }, model));
    expect({ code, out, err }).toEqual({ code: 0, out: 'system\n\nsystem\n', err: '' });
  });

  it('prints nothing, successfully, for an empty list', async () => {
    expect(await cli(['models', 'list', '--field', 'id'], list())).toEqual({ code: 0, out: '', err: '' });
  });

  it('follows a path into objects only, not into the characters of a string', async () => {
    expect(await cli(['models', 'list', '--field', 'id.length'], list(model))).toEqual({
      code: 2,
      out: '',
      err: "error: no field 'id.length' in the answer (it has: id, object, created, owned_by)\nRun 'openai-models models list --help' for usage.\n",
    });
  });

  it('follows a path into nested objects and arrays', async () => {
    const nested = { ...model, permission: [{ id: 'perm-1', allow_view: true }] };
    expect((await cli(['models', 'list', '--field', 'permission.0.allow_view'], list(nested, model))).out).toBe('true\n\n');
  });
});

describe('an answer nested too deeply to print', () => {
  /** A model whose `owned_by` is `levels` arrays deep: the answer nests `levels + 1` deep. */
  const nested = (levels: number) => () =>
    new Response(JSON.stringify(model).replace('"system"', `${'['.repeat(levels)}${']'.repeat(levels)}`), {
      headers: { 'content-type': 'application/json' },
    });

  // 1,001 levels: refused the same on every Node, although JSON.stringify
  // would still manage it (it gives up some 4,000 levels down on Node 20-24,
  // never on 26).
  it.each([['--format', 'json'], ['--format', 'jsonl'], ['--format', 'table'], ['--field', 'id']])(
    '%s %s: refused in one line, exit 1, no stack trace and no usage hint',
    async (...flag) => {
      expect(await cli(['models', 'retrieve', 'gpt-4o-mini', ...flag], nested(1000))).toEqual({
        code: 1,
        out: '',
        err: 'error: cannot print the answer: it nests objects or arrays more than 1000 levels deep\n',
      });
    },
  );

  it('--format yaml: refused past 500 levels, as the YAML writer would run out of stack', async () => {
    expect(await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'yaml'], nested(500))).toEqual({
      code: 1,
      out: '',
      err: 'error: cannot print the answer: it nests objects or arrays more than 500 levels deep\n',
    });
  });

  it('refuses 100,000 levels as calmly (the check is a loop, not recursion)', async () => {
    expect((await cli(['models', 'retrieve', 'gpt-4o-mini'], nested(100_000))).err).toBe(
      'error: cannot print the answer: it nests objects or arrays more than 1000 levels deep\n',
    );
  });

  it('prints 1,000 levels', async () => {
    const { code, out } = await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'jsonl'], nested(999));
    expect(code).toBe(0);
    expect(out).toBe(`${JSON.stringify(model).replace('"system"', `${'['.repeat(999)}${']'.repeat(999)}`)}\n`);
  });

  it('prints 500 levels as YAML, objects in objects (the deepest stack for the writer)', async () => {
    let owner: unknown = 'system';
    for (let level = 0; level < 499; level++) owner = { a: owner };
    const { code, out } = await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'yaml'], () => Response.json({ ...model, owned_by: owner }));
    expect(code).toBe(0);
    expect(parseYAML(out)).toEqual({ ...model, owned_by: owner });
  });
});

describe('--format yaml', () => {
  it('writes an empty object or array inline, after its key', async () => {
    const answer = () => Response.json({ ...model, metadata: {}, tags: [] });
    expect(await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'yaml'], answer)).toEqual({
      code: 0,
      out: 'id: gpt-4o-mini\nobject: model\ncreated: 1721172741\nowned_by: system\nmetadata: {}\ntags: []\n',
      err: '',
    });
  });
});

describe('--debug on a network failure', () => {
  it('lists the causes below the error, five at most', async () => {
    let cause: Error | undefined;
    for (let level = 8; level >= 1; level--) cause = new Error(`level ${level}`, cause ? { cause } : {});
    const io = memoryIO({ env: { OPENAI_API_KEY: 'sk-test-output-0123456789' } });
    const code = await run(['models', 'list', '--debug', '--max-retries', '0'], {
      ...io,
      fetch: () => Promise.reject(cause),
    });
    expect({ code, out: io.out() }).toEqual({ code: 1, out: '' });
    const lines = io.err().split('\n').filter((line) => !line.startsWith('debug: '));
    expect(lines.slice(1)).toEqual([
      '  APIConnectionError',
      '  cause: Error: level 1',
      '  cause: Error: level 2',
      '  cause: Error: level 3',
      '  cause: Error: level 4',
      '  cause: Error: level 5',
      '',
    ]);
  });
});

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
    expect(io.err()).toMatch(/^error: unexpected failure \(a bug; please report it\): Error: disk full\^\[\[2J\n {4}at /);
  });
});
