/**
 * render.ts, through the CLI: what each format prints for answers that
 * OpenAI-compatible servers send and the happy-path tests do not (models
 * missing a field, empty lists, empty objects), `--field` paths, and the
 * depth past which an answer is not printed.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';

/** Runs the CLI against a fake `fetch` that always answers with `answer()`. */
async function cli(argv: string[], answer: () => Response) {
  const io = memoryIO({ env: { OPENAI_API_KEY: 'sk-test-output-0123456789' } });
  const code = await run(argv, { ...io, fetch: async () => answer() });
  return { code, out: io.out(), err: io.err() };
}

const list =
  (...data: object[]) =>
  () =>
    Response.json({ object: 'list', data });
const model = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };

describe('--field', () => {
  it('prints an empty line for a model without the field, so lines keep matching models', async () => {
    const { code, out, err } = await cli(
      ['models', 'list', '--field', 'owned_by'],
      list(model, { id: 'local-model', object: 'model' }, model),
    );
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
    expect((await cli(['models', 'list', '--field', 'permission.0.allow_view'], list(nested, model))).out).toBe(
      'true\n\n',
    );
  });

  it('that no model has (a typo) is reported after the call, with the fields there are', async () => {
    const io = {
      ...memoryIO({ env: { OPENAI_API_KEY: 'sk-test-usage-0123456789' } }),
      fetch: async (): Promise<Response> => Response.json({ object: 'list', data: [{ id: 'a', object: 'model' }] }),
    };
    expect(await run(['models', 'list', '--field', 'idd'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      "error: no field 'idd' in the answer (it has: id, object)\nRun 'openai-models models list --help' for usage.\n",
    );
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
  it.each([
    ['--format', 'json'],
    ['--format', 'jsonl'],
    ['--format', 'table'],
    ['--field', 'id'],
  ])('%s %s: refused in one line, exit 1, no stack trace and no usage hint', async (...flag) => {
    expect(await cli(['models', 'retrieve', 'gpt-4o-mini', ...flag], nested(1000))).toEqual({
      code: 1,
      out: '',
      err: 'error: cannot print the answer: it nests objects or arrays more than 1000 levels deep\n',
    });
  });

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
    const { code, out } = await cli(['models', 'retrieve', 'gpt-4o-mini', '--format', 'yaml'], () =>
      Response.json({ ...model, owned_by: owner }),
    );
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
