/**
 * conformance-command.ts: how each option and its environment variable reach
 * the wire, the usage errors (exit 2, no request), `--debug` on stderr, and
 * the exit code with and without `--fail-on warn`. run() in-process against
 * a conformant server on 127.0.0.1, bent where a test needs a warn or a fail.
 */
import { describe, expect, it } from 'vitest';
import { json, type LocalServer } from '../../contract-tests/support/local-server.js';
import { conformantServers, KEY } from './__tests__/conformant-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { usage } from './__tests__/run-cli.js';
import type { Report } from './conformance.js';
import { run } from './run.js';

const serve = conformantServers();

/** `openai-models conformance ...argv` with only the environment given (no --base-url added). */
async function cli(argv: string[], env: Record<string, string>) {
  const io = memoryIO({ env });
  const code = await run(['conformance', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

/** The key and base URL of `server` in the environment, with `extra` over them. */
const env = (server: LocalServer, extra: Record<string, string> = {}) => ({
  OPENAI_API_KEY: KEY,
  OPENAI_BASE_URL: `${server.url}/v1`,
  ...extra,
});

/** The headers of the first request, the authenticated list. */
const first = (server: LocalServer) => server.seen[0]?.headers ?? {};

describe('the exit code', () => {
  it('is 0 for a server that keeps every promise, with --fail-on fail or warn (n/a is no warning)', async () => {
    const server = await serve();
    const environment = env(server);
    for (const argv of [[], ['--fail-on', 'fail'], ['--fail-on', 'warn']]) {
      const { code, out, err } = await cli(argv, environment);
      expect([code, err]).toEqual([0, '']);
      expect(out).toMatch(/ 0 warn, 0 fail, 1 n\/a\n$/);
    }
  });

  it('is 1 when a check fails, whatever --fail-on says', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models' || seen.headers.authorization !== `Bearer ${KEY}`) return false;
      json(res, 200, { object: 'lists', data: [] }, { 'x-request-id': 'req_1' });
      return true;
    });
    const environment = env(server);
    for (const argv of [[], ['--fail-on', 'warn']]) {
      const { code, out } = await cli(argv, environment);
      expect(code).toBe(1);
      expect(out).toMatch(
        /^fail +listModels +GET \/models +.* 200 body\.object = "lists" +body\.object is not "list"/m,
      );
    }
  });

  it('is 1 for a warning only with --fail-on warn', async () => {
    const server = await serve(undefined, {});
    const environment = env(server);
    expect((await cli([], environment)).code).toBe(0);
    expect((await cli(['--fail-on', 'warn'], environment)).code).toBe(1);
  });
});

describe('where the base URL, key, organization and project come from', () => {
  const ORG_ENV = { OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj_env' };
  /** What the first request carried: the key, the organization and the project. */
  const sent = (server: LocalServer) => {
    const { authorization, 'openai-organization': organization, 'openai-project': project } = first(server);
    return [authorization, organization, project];
  };

  it('the environment, when no option is given: OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_ORG_ID, OPENAI_PROJECT_ID', async () => {
    const server = await serve();
    const { code, out } = await cli(['--format', 'json'], env(server, ORG_ENV));
    expect(code).toBe(0);
    expect((JSON.parse(out) as Report).baseURL).toBe(`${server.url}/v1`);
    expect(sent(server)).toEqual([`Bearer ${KEY}`, 'org-env', 'proj_env']);
  });

  it('the options, trimmed, over the environment', async () => {
    const server = await serve();
    const other = await serve();
    const argv = ['--base-url', ` ${server.url}/v1 `, '--api-key', ` ${KEY} `, '--organization', ' org-1 '];
    const { code, out } = await cli(
      [...argv, '--project', ' proj_1 '],
      env(other, { ...ORG_ENV, OPENAI_API_KEY: 'sk-wrong-key-0123456789' }),
    );
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(new RegExp(`^Conformance of ${server.url}/v1 to `));
    expect(other.seen).toEqual([]);
    expect(sent(server)).toEqual([`Bearer ${KEY}`, 'org-1', 'proj_1']);
  });

  it('the environment, when an option is blank', async () => {
    const server = await serve();
    const blank = ['--base-url', ' ', '--api-key', ' ', '--organization', ' ', '--project', ' '];
    const { code, err } = await cli(blank, env(server, ORG_ENV));
    expect([code, err]).toEqual([0, '']);
    expect(sent(server)).toEqual([`Bearer ${KEY}`, 'org-env', 'proj_env']);
  });

  it('sends no organization or project header when none is given', async () => {
    const server = await serve();
    expect((await cli([], env(server))).code).toBe(0);
    expect(sent(server)).toEqual([`Bearer ${KEY}`, undefined, undefined]);
  });
});

describe('--header', () => {
  it('sends each as its lower-case name, trimmed, over the key’s Authorization', async () => {
    const server = await serve();
    const { code, out } = await cli(
      ['--header', `Authorization : Bearer ${KEY}`, '--header', 'X-Extra:  a b '],
      env(server, { OPENAI_API_KEY: 'sk-wrong-key-0123456789' }),
    );
    expect(code).toBe(0);
    expect(out).not.toContain(KEY);
    expect(first(server)['authorization']).toBe(`Bearer ${KEY}`);
    expect(first(server)['x-extra']).toBe('a b');
  });
});

describe('--debug', () => {
  it('writes one line per request on stderr: method, URL and status', async () => {
    const server = await serve();
    const { code, err } = await cli(['--debug'], env(server));
    expect(code).toBe(0);
    const lines = err.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(server.seen.length);
    expect(lines[0]).toBe(`debug: GET ${server.url}/v1/models 200`);
    expect(lines).toContain(`debug: GET ${server.url}/v1/models/gpt-4o-mini 200`);
    for (const line of lines) expect(line).toMatch(/^debug: (GET|DELETE) http:\/\/127\.0\.0\.1:\d+\/v1\/\S+ \d{3}$/);
  });

  it('is silent without --debug', async () => {
    const server = await serve();
    expect((await cli([], env(server))).err).toBe('');
  });
});

describe('--max-retries', () => {
  it('takes up to three digits', async () => {
    const server = await serve();
    const environment = env(server);
    expect((await cli(['--max-retries', '10'], environment)).code).toBe(0);
    expect((await cli(['--max-retries', '999'], environment)).code).toBe(0);
  });

  // Against a server that answers, so that a value let through shows as exit 0 rather than as retries without end.
  it.each(['x1', '1x', '1000', '-1'])('refuses %j, before any request', async (value) => {
    const server = await serve();
    const result = await cli([`--max-retries=${value}`], env(server));
    expect(result).toEqual({
      code: 2,
      out: '',
      err: `error: --max-retries has a value it cannot use: '${value}' (see --help)\nRun 'openai-models conformance --help' for usage.\n`,
    });
    expect(server.seen).toEqual([]);
  });
});

describe('usage errors: exit 2, the message, no request', () => {
  const HEADER = "--header must be 'name: value' with a valid header name and a value";
  it.each([
    [
      ['--base-url', 'ftp://host/?next=http://x'],
      "--base-url must be an http:// or https:// URL; got 'ftp://host/?next=http://x'",
    ],
    [['--delete-model', ''], "--delete-model needs a model id; got ''"],
    [['--delete-model', '.'], "--delete-model needs a model id; got '.'"],
    [['--delete-model', ' .. '], "--delete-model needs a model id; got ' .. '"],
    [['--max-response-size', 'lots'], "--max-response-size has a value it cannot use: 'lots' (see --help)"],
    [['--header', 'X-Foo'], HEADER],
    [['--header', 'x-foo:'], HEADER],
    [['--header', 'x-foo:   '], HEADER],
    [['--header', ': value'], HEADER],
    [['--header', 'x foo: value'], HEADER],
    [['--header', 'x-foo: a\rb'], HEADER],
  ])('%j', async (argv, message) => {
    expect(await usage(['conformance', ...argv])).toBe(
      `error: ${message}\nRun 'openai-models conformance --help' for usage.\n`,
    );
  });
});
