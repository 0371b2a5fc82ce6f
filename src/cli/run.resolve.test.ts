/**
 * How the words of the line pick a command and its model id: what runs
 * (the request on the wire) and what is a usage error (exit 2, a hint to the
 * right --help, no request).
 */
import { describe, expect, it } from 'vitest';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';

/** Runs the CLI against a fake `fetch` that echoes the model asked for and records every request. */
async function cli(argv: string[]) {
  const requests: Request[] = [];
  const io = {
    ...memoryIO({ env: { OPENAI_API_KEY: 'sk-test-resolve-0123456789' } }),
    fetch: async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      requests.push(request);
      const id = decodeURIComponent(new URL(request.url).pathname.split('/').at(-1) ?? '');
      return Response.json({ id, object: 'model', created: 1721172741, owned_by: 'system' });
    },
  };
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err(), requests: requests.map((request) => `${request.method} ${request.url}`) };
}

describe('the model id', () => {
  it('may be given both by position and by --model when they agree', async () => {
    const { code, out, err, requests } = await cli(['models', 'retrieve', 'gpt-4o-mini', '--model', 'gpt-4o-mini', '--field', 'id']);
    expect({ code, out, err }).toEqual({ code: 0, out: 'gpt-4o-mini\n', err: '' });
    expect(requests).toEqual(['GET https://api.openai.com/v1/models/gpt-4o-mini']);
  });

  it.each([
    [['models', 'retrieve', '--model', ''], "error: '' is not a model id\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'retrieve', ''], "error: '' is not a model id\nRun 'openai-models models retrieve --help' for usage.\n"],
    [['models', 'delete', '.'], "error: '.' is not a model id\nRun 'openai-models models delete --help' for usage.\n"],
    [['models', 'delete', '--model', '..'], "error: '..' is not a model id\nRun 'openai-models models delete --help' for usage.\n"],
  ])('%j: an id that would name another endpoint is a usage error of the command', async (argv, expected) => {
    expect(await cli(argv)).toEqual({ code: 2, out: '', err: expected, requests: [] });
  });

  it('one the client refuses before sending (a lone surrogate) is a usage error too, with no stack', async () => {
    const { code, out, err, requests } = await cli(['models', 'retrieve', 'gpt-\ud800']);
    expect({ code, out, requests }).toEqual({ code: 2, out: '', requests: [] });
    expect(err).toMatch(/^error: [^\n]+\nRun 'openai-models --help' for usage\.\n$/);
  });
});

describe('a mistyped command', () => {
  it.each([
    ['lsit', 'list'],
    ['retreive', 'retrieve'],
    ['delte', 'delete'],
  ])('%s, within two edits of %s, gets a hint', async (typed, known) => {
    expect(await cli(['models', typed])).toEqual({
      code: 2,
      out: '',
      err: `error: unknown command 'models ${typed}' (did you mean '${known}'?)\nRun 'openai-models models --help' for usage.\n`,
      requests: [],
    });
  });

  it.each(['lisxyz', 'xyz', 'retrieveabc'])('%s, three edits or more from any command, gets none', async (typed) => {
    expect(await cli(['models', typed])).toEqual({
      code: 2,
      out: '',
      err: `error: unknown command 'models ${typed}'\nRun 'openai-models models --help' for usage.\n`,
      requests: [],
    });
  });
});

describe('a line that does not parse', () => {
  it.each([
    [['models', 'delete', '--colour'], "error: unknown option '--colour'\nRun 'openai-models models delete --help' for usage.\n"],
    [['models', 'delete', 'x', '--model'], "error: option '--model' needs a value\nRun 'openai-models models delete --help' for usage.\n"],
    [['models', 'retrieve', '--colour'], "error: unknown option '--colour'\nRun 'openai-models models retrieve --help' for usage.\n"],
  ])('%j points to the help of the command named before the first option', async (argv, expected) => {
    expect(await cli(argv)).toEqual({ code: 2, out: '', err: expected, requests: [] });
  });
});
