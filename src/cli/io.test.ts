/**
 * io.ts: colour only for a terminal and never against NO_COLOR, and the
 * scrubbing of the API key, which leaves keys too short to be real alone.
 * The server is real (failing-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';

const KEY = 'sk-test-0123456789abcdef';
let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

/** Runs the CLI against one scenario of the server; stdout and stderr are pipes unless said otherwise. */
async function cli(
  scenario: string,
  argv: string[],
  options: { stdoutTTY?: boolean; stderrTTY?: boolean; env?: Record<string, string> } = {},
) {
  const io = memoryIO({
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${server.url}/${scenario}`, ...options.env },
    stdoutTTY: options.stdoutTTY ?? false,
    stderrTTY: options.stderrTTY ?? false,
  });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('colour', () => {
  it('bolds the table header in a terminal only when NO_COLOR is unset or empty', async () => {
    const coloured = await cli('ok', ['models', 'list'], { stdoutTTY: true });
    expect(coloured.out.split('\n')[0]).toBe(
      '\x1b[1mID                                    CREATED     OWNED BY\x1b[22m',
    );
    const empty = await cli('ok', ['models', 'list'], { stdoutTTY: true, env: { NO_COLOR: '' } });
    expect(empty.out).toContain('\x1b[1m');
    const piped = await cli('ok', ['models', 'list', '--format', 'table']);
    expect(piped.out).not.toContain('\x1b');
  });

  it('colours "error:" red on a terminal, but not with NO_COLOR', async () => {
    const tty = await cli('404', ['models', 'retrieve', 'x'], { stderrTTY: true });
    expect(tty.err.startsWith('\x1b[31merror:\x1b[39m 404 ')).toBe(true);
    const noColour = await cli('404', ['models', 'retrieve', 'x'], { stderrTTY: true, env: { NO_COLOR: '1' } });
    expect(noColour.err.startsWith('error: 404 ')).toBe(true);
  });
});

describe('keys shorter than 8 characters are not searched for, so they cannot garble output', () => {
  it('a 7-character key leaves its text alone; an 8-character key is scrubbed', async () => {
    const short = await cli('ok', ['models', 'retrieve', 'abc1234', '--field', 'id'], {
      env: { OPENAI_API_KEY: 'abc1234' },
    });
    expect(short).toEqual({ code: 0, out: 'abc1234\n', err: '' });
    const eight = await cli('ok', ['models', 'retrieve', 'abcd1234', '--field', 'id'], {
      env: { OPENAI_API_KEY: 'abcd1234' },
    });
    expect(eight).toEqual({ code: 0, out: '[REDACTED]\n', err: '' });
  });
});
