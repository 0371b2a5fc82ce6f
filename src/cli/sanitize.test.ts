/**
 * sanitize.ts, and every line the CLI writes for a person: what a hostile
 * server plants (ESC, BEL, the one-byte CSI 0x9b) never reaches the terminal
 * raw, while the machine formats keep their bytes. The server is real
 * (hostile-server.ts), so the text takes the whole road: HTTP, the client's
 * errors, the CLI's writers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIL, startHostileServer, type HostileCase, type HostileServer } from '../__tests__/hostile-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';
import { oneLine, sanitize } from './sanitize.js';

/** Every C0 control but tab and newline, DEL, every C1 control, and the bidi embeddings, overrides and isolates. */
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitize', () => {
  it('shows C0 controls in caret notation, DEL as ^?, C1 controls as \\u escapes', () => {
    expect(sanitize('\x00\x07\x08\x0b\x0c\x0d\x1b\x1f\x7f\x80\x9b\x9f')).toBe(
      '^@^G^H^K^L^M^[^_^?\\u0080\\u009b\\u009f',
    );
  });

  it('makes the escape sequences of the issue inert: retitle, clear screen, CSI in its one-byte form', () => {
    expect(sanitize('nope\x1b]0;pwned\x07\x1b[2J\x9b31mred')).toBe('nope^[]0;pwned^G^[[2J\\u009b31mred');
  });

  it('shows the bidi controls that reorder text as \\u escapes, so an id reads as it is', () => {
    expect(sanitize('ft:x\u202etxt.exe')).toBe('ft:x\\u202etxt.exe');
    expect(sanitize('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
    // Right-to-left letters and the marks beside the controls are text, not controls.
    expect(sanitize('\u200f\u2029\u202f\u2065\u206a שלום مرحبا')).toBe('\u200f\u2029\u202f\u2065\u206a שלום مرحبا');
  });

  it('lets tab, newline and every printable character through unchanged', () => {
    const printable = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code))
      .filter((char) => !DANGEROUS.test(char))
      .join('');
    expect(sanitize(printable)).toBe(printable);
    expect(sanitize('a\tb\nc 🙂 é')).toBe('a\tb\nc 🙂 é');
  });

  it('leaves no control character raw, whatever comes in', () => {
    const all = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
    expect(sanitize(all)).not.toMatch(DANGEROUS);
    expect(oneLine(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('oneLine', () => {
  it('folds newlines, carriage returns and tabs to one space, trims, then sanitizes', () => {
    expect(oneLine('  first\r\nsecond\t\x1b[2J  third\n')).toBe('first second ^[[2J third');
  });
});

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.stop());

/** EVIL as the CLI must show it. */
const SHOWN = '^[]0;pwned^G^[[2J\\u009b31m';

async function cli(name: HostileCase, argv: string[], options: { stderrTTY?: boolean } = {}) {
  const io = memoryIO({
    env: { OPENAI_API_KEY: 'sk-escapes-test-0123456789', OPENAI_BASE_URL: server.baseURL(name) },
    ...options,
  });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('escape sequences from a server are shown, not obeyed', () => {
  it('in an error message and its request id: one line, every control character escaped', async () => {
    const { code, out, err } = await cli('escape-error', ['models', 'retrieve', 'x']);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(`error: 404 nope${SHOWN} second line ^? (request ID req_\\u009b2J)\n`);
  });

  it('with colour on, only the CLI’s own colour is raw', async () => {
    const { err } = await cli('escape-error', ['models', 'retrieve', 'x'], { stderrTTY: true });
    expect(err).toBe(`\x1b[31merror:\x1b[39m 404 nope${SHOWN} second line ^? (request ID req_\\u009b2J)\n`);
  });

  it('in --debug lines: the request id of the answer, the error’s type and code', async () => {
    const { err } = await cli('escape-error', ['models', 'retrieve', 'x', '--debug']);
    const url = `${server.baseURL('escape-error')}/models/x`;
    expect(err.replace(/ in \d+ ms /, ' in N ms ')).toBe(
      [
        `debug: request GET ${url} {"headers":{"authorization":"Bearer [REDACTED]"}}`,
        `debug: response GET ${url} 404 in N ms {"requestID":"req_\\u009b2J"}`,
        `error: 404 nope${SHOWN} second line ^? (request ID req_\\u009b2J)`,
        `  NotFoundError type=invalid_request_error${SHOWN} code=bad\\u009b5m`,
        '',
      ].join('\n'),
    );
  });

  it('in a garbled 200 body quoted by the error', async () => {
    const { code, err } = await cli('escape-garbled', ['models', 'list']);
    expect(code).toBe(1);
    // JSON quoting (the client's snippet) escapes C0 but not C1: the sanitizer catches 0x9b.
    expect(err).toBe(
      'error: 200 response body is not valid JSON: "<html>\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m</html>" (request ID req_garbled)\n',
    );
  });

  it('in table cells, the bidi override U+202E too', async () => {
    const { code, out, err } = await cli('escape-table', ['models', 'list', '--format', 'table']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(
      [
        'ID                              CREATED     OWNED BY',
        `evil${SHOWN}  2024-07-16  own^Ger\\u009b\\u202erev`,
        '',
      ].join('\n'),
    );
  });

  it('in --field values', async () => {
    expect((await cli('escape-table', ['models', 'list', '--field', 'id'])).out).toBe(`evil${SHOWN}\n`);
    expect((await cli('escape-table', ['models', 'list', '--field', 'owned_by'])).out).toBe(
      'own^Ger\\u009b\\u202erev\n',
    );
  });

  it('in usage errors that quote the command line', async () => {
    const { code, err } = await cli('escape-table', ['models', `l${EVIL}`]);
    expect(code).toBe(2);
    expect(err).toBe(`error: unknown command 'models l${SHOWN}'\nRun 'openai-models models --help' for usage.\n`);
  });
});

describe('machine formats keep the bytes of the answer', () => {
  const model = { id: `evil${EVIL}`, object: 'model', created: 1721172741, owned_by: 'own\x07er\x9b\u202erev' };

  it('json and jsonl: JSON escapes C0 its own way, C1 passes as JSON allows', async () => {
    expect((await cli('escape-table', ['models', 'list', '--format', 'json'])).out).toBe(
      `${JSON.stringify({ object: 'list', data: [model] }, null, 2)}\n`,
    );
    expect((await cli('escape-table', ['models', 'list', '--format', 'jsonl'])).out).toBe(`${JSON.stringify(model)}\n`);
  });

  it('yaml: JSON-style double-quoted scalars, each control character a \\u escape', async () => {
    expect((await cli('escape-table', ['models', 'list', '--format', 'yaml'])).out).toBe(
      [
        'object: list',
        'data:',
        '  - id: "evil\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m"',
        '    object: model',
        '    created: 1721172741',
        // YAML counts U+202E printable, so it passes raw, as in JSON.
        '    owned_by: "own\\u0007er\\u009b\u202erev"',
        '',
      ].join('\n'),
    );
  });
});
