import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, type Process } from './main.js';
import { version } from './version.js';

/**
 * The executable's wiring, driven with a stand-in for `process`: what reaches
 * stdout and stderr, and the exit code, which comes only after both streams
 * have drained.
 */
function fakeProcess(
  argv: string[],
  options: { env?: Record<string, string>; stdoutTTY?: boolean; stderrTTY?: boolean } = {},
) {
  const events: string[] = [];
  let onError: ((error: NodeJS.ErrnoException) => void) | undefined;
  const stream = (name: string, isTTY: boolean | undefined) => ({
    isTTY,
    text: '',
    write(text: string, done?: () => void): boolean {
      if (text !== '') {
        this.text += text;
        events.push(`${name} write`);
      }
      // As a pipe does: the callback comes later, once the OS has the bytes.
      if (done) setTimeout(() => (events.push(`${name} drained`), done()), 5);
      return true;
    },
    on(event: 'error', listener: (error: NodeJS.ErrnoException) => void) {
      if (name === 'stdout' && event === 'error') onError = listener;
      return this;
    },
  });
  const proc = {
    argv: ['/usr/bin/node', '/app/node_modules/.bin/openai-models', ...argv],
    env: options.env ?? {},
    stdout: stream('stdout', options.stdoutTTY),
    stderr: stream('stderr', options.stderrTTY),
    exit: vi.fn((code: number) => void events.push(`exit ${code}`)),
  } satisfies Process & Record<string, unknown>;
  return { proc, events, stdoutError: (code: string) => onError?.(Object.assign(new Error(code), { code })) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the openai-models executable', () => {
  it('runs the arguments after node and the script, and exits 0 once both streams drained', async () => {
    const { proc, events } = fakeProcess(['--version']);
    await main(proc);
    expect(proc.stdout.text).toBe(`${version()}\n`);
    expect(proc.stderr.text).toBe('');
    expect(events).toEqual(['stdout write', 'stdout drained', 'stderr drained', 'exit 0']);
    expect(proc.exit).toHaveBeenCalledTimes(1);
  });

  it('writes a usage error to stderr and exits 2; colour only when stderr is a terminal', async () => {
    const plain = fakeProcess(['modles', 'list']);
    await main(plain.proc);
    expect(plain.proc.stderr.text).toBe("error: unknown command 'modles'\nRun 'openai-models --help' for usage.\n");
    expect(plain.proc.stdout.text).toBe('');
    expect(plain.events.at(-1)).toBe('exit 2');

    const tty = fakeProcess(['modles', 'list'], { stderrTTY: true });
    await main(tty.proc);
    expect(tty.proc.stderr.text).toBe(
      "\x1b[31merror:\x1b[39m unknown command 'modles'\nRun 'openai-models --help' for usage.\n",
    );
  });

  it('passes the environment, and picks a table for a terminal and JSON for a pipe', async () => {
    const fetch = vi.fn(async (request: Request) =>
      Response.json(
        { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1, owned_by: 'openai' }] },
        { headers: { 'x-request-id': 'req_1' } },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const env = { OPENAI_API_KEY: 'sk-main-test-0123456789', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };

    const tty = fakeProcess(['models', 'list'], { env, stdoutTTY: true });
    await main(tty.proc);
    const request = fetch.mock.calls[0]?.[0] as Request;
    expect(request.url).toBe('http://127.0.0.1:9/v1/models');
    expect(request.headers.get('authorization')).toBe('Bearer sk-main-test-0123456789');
    expect(tty.proc.stdout.text).toMatch(/^\x1b\[1mID\s+CREATED\s+OWNED BY\x1b\[22m\ngpt-4o\s+/);
    expect(tty.events.at(-1)).toBe('exit 0');

    const pipe = fakeProcess(['models', 'list'], { env });
    await main(pipe.proc);
    expect(JSON.parse(pipe.proc.stdout.text)).toMatchObject({ object: 'list', data: [{ id: 'gpt-4o' }] });
  });

  it('exits 0 when the reader of stdout went away (EPIPE), 1 on any other stdout error', async () => {
    const closed = fakeProcess(['--version']);
    const first = main(closed.proc);
    closed.stdoutError('EPIPE');
    expect(closed.proc.exit).toHaveBeenLastCalledWith(0);
    await first;

    const broken = fakeProcess(['--version']);
    const running = main(broken.proc);
    broken.stdoutError('EIO');
    expect(broken.proc.exit).toHaveBeenLastCalledWith(1);
    await running;
  });
});
