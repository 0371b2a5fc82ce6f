/**
 * report.ts: how a failure of the API or the network is told, on one line
 * of stderr with exit 1 (status, the API's message, the request id), and
 * what --debug adds below it. The server is real (failing-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/prism.js';
import {
  BIG_LIST_SIZE,
  startHostileServer,
  type HostileCase,
  type HostileServer,
} from '../__tests__/hostile-server.js';
import { LIST, startFailingServer, type FailingServer } from './__tests__/failing-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { run } from './run.js';

const KEY = 'sk-test-secret-0123456789abcdef';
let server: FailingServer;
beforeAll(async () => {
  server = await startFailingServer();
});
afterAll(() => server.stop());

async function cli(
  scenario: string,
  argv: string[],
  options: { stderrTTY?: boolean; env?: Record<string, string> } = {},
) {
  const io = memoryIO({
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${server.url}/${scenario}`, ...options.env },
    stderrTTY: options.stderrTTY ?? false,
  });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** An API or network failure: exit 1, nothing on stdout, exactly one line on stderr, no stack, no key. */
function expectOneLineFailure(result: { code: number; out: string; err: string }): string {
  expect(result.code).toBe(1);
  expect(result.out).toBe('');
  expect(result.err.endsWith('\n')).toBe(true);
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.err).not.toContain(KEY);
  return result.err;
}

describe('API failures exit 1 with one line: status, message, request id', () => {
  it('401', async () => {
    const err = expectOneLineFailure(await cli('401', ['models', 'list']));
    expect(err).toBe('error: 401 Incorrect API key provided: sk-abc***xyz. (request ID req_401_test)\n');
  });

  it('404 on retrieve and on delete', async () => {
    const retrieve = expectOneLineFailure(await cli('404', ['models', 'retrieve', 'nope']));
    expect(retrieve).toBe(
      'error: 404 The model `nope` does not exist or you do not have access to it. (request ID req_404_test)\n',
    );
    const del = expectOneLineFailure(await cli('404', ['models', 'delete', '--model', 'ft:x:y']));
    expect(del).toContain('error: 404 The model `ft:x:y` does not exist');
  });

  it('429 then 200: retried after retry-after-ms, then succeeds (exit 0)', async () => {
    const { code, out, err } = await cli('429-then-200/t-a', ['models', 'list']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual(LIST);
    expect(server.hits('429-then-200/t-a')).toBe(2);
  });

  it('429 then 200 with --max-retries 0: fails at once with the 429', async () => {
    const err = expectOneLineFailure(await cli('429-then-200/t-b', ['models', 'list', '--max-retries', '0']));
    expect(err).toBe('error: 429 Rate limit reached. (request ID req_429_test)\n');
    expect(server.hits('429-then-200/t-b')).toBe(1);
  });

  it('500: retried --max-retries times, then reported', async () => {
    const before = server.hits('500');
    const err = expectOneLineFailure(await cli('500', ['models', 'list', '--max-retries', '2']));
    expect(err).toBe('error: 500 The server had an error while processing your request. (request ID req_500_test)\n');
    expect(server.hits('500') - before).toBe(3);
  });

  it('an HTML 502 from a proxy: says what came back, on one line', async () => {
    const err = expectOneLineFailure(await cli('502-html', ['models', 'list', '--max-retries', '0']));
    expect(err).toMatch(/^error: 502 status code \(body is not JSON: "<html>.*502 Bad Gateway.*"\)\n$/);
  });

  it('an empty 500', async () => {
    const err = expectOneLineFailure(await cli('500-empty', ['models', 'list', '--max-retries', '0']));
    expect(err).toBe('error: 500 status code (no body) (request ID req_500_empty)\n');
  });

  it('invalid JSON in a 200', async () => {
    const err = expectOneLineFailure(await cli('bad-json', ['models', 'list']));
    expect(err).toBe(
      'error: 200 response body is not valid JSON: "{\\"object\\": \\"list\\", \\"data\\": [" (request ID req_bad_json)\n',
    );
  });
});

describe('network failures exit 1 with one line', () => {
  it('a connection reset', async () => {
    const err = expectOneLineFailure(await cli('reset', ['models', 'list', '--max-retries', '0']));
    expect(err).toMatch(/^error: Connection error: /);
  });

  it('a server that stalls past --timeout', async () => {
    const started = Date.now();
    const err = expectOneLineFailure(
      await cli('stall', ['models', 'retrieve', 'gpt-4o-mini', '--timeout', '200ms', '--max-retries', '0']),
    );
    expect(err).toBe('error: Request timed out. Try a larger --timeout.\n');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('nothing listening', async () => {
    const io = memoryIO({ env: { OPENAI_API_KEY: KEY } });
    const port = await freePort(); // free a moment ago: nothing listens there
    const code = await run(['models', 'list', '--base-url', `http://127.0.0.1:${port}`, '--max-retries', '0'], io);
    expectOneLineFailure({ code, out: io.out(), err: io.err() });
    expect(io.err()).toMatch(/^error: Connection error: .*ECONNREFUSED/);
  });
});

describe('--debug', () => {
  it('adds the class and the cause below the line of a failure', async () => {
    const { code, out, err } = await cli('reset', ['models', 'list', '--debug', '--max-retries', '0']);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(/^error: Connection error: .*$/m);
    expect(err).toMatch(/^ {2}APIConnectionError$/m);
    expect(err).toMatch(/^ {2}cause: TypeError: fetch failed$/m);
  });

  it('lists the causes of a network failure below the error, five at most', async () => {
    let cause: Error | undefined;
    for (let level = 8; level >= 1; level--) cause = new Error(`level ${level}`, cause ? { cause } : {});
    const io = memoryIO({ env: { OPENAI_API_KEY: 'sk-test-output-0123456789' } });
    const code = await run(['models', 'list', '--debug', '--max-retries', '0'], {
      ...io,
      fetch: () => Promise.reject(cause),
    });
    expect({ code, out: io.out() }).toEqual({ code: 1, out: '' });
    const lines = io
      .err()
      .split('\n')
      .filter((line) => !line.startsWith('debug: '));
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

describe('a body over --max-response-size (a real hostile server)', () => {
  let hostile: HostileServer;
  beforeAll(async () => {
    hostile = await startHostileServer();
  });
  afterAll(() => hostile.stop());

  const cli = async (name: HostileCase, argv: string[]) => {
    const io = memoryIO({ env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: hostile.baseURL(name) } });
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('reports a body over the limit on one line, with the flag that raises it', async () => {
    const { code, out, err } = await cli('big-list', ['models', 'list', '--max-response-size', '1m']);
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(
      'error: 200 response body is larger than maxResponseSize (1048576 bytes); raise it if the answer is genuine. Try a larger --max-response-size. (request ID req_big_list)\n',
    );
    expect(
      (await cli('big-list', ['models', 'list', '--max-response-size', '2m', '--field', 'id'])).out.split('\n'),
    ).toHaveLength(BIG_LIST_SIZE + 1);
  });

  it('refuses a size it cannot read', async () => {
    const { code, err } = await cli('big-list', ['models', 'list', '--max-response-size', '12 parsecs']);
    expect(code).toBe(2);
    expect(err).toBe(
      "error: --max-response-size must be a size in bytes such as 1048576, 512k, 64m or 1g; got '12 parsecs'\nRun 'openai-models models list --help' for usage.\n",
    );
  });
});
