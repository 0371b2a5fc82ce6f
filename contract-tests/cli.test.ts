/**
 * End to end: the compiled `bin.js` (tsc with the package's own build
 * config, see support/cli.ts) run as a child process, against Prism (or
 * TEST_API_BASE_URL) and against the failing local server. Asserts exit
 * code, stdout and stderr as a shell would see them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { startFailingServer, type FailingServer } from '../src/cli/__tests__/failing-server.js';
import { buildCLI, cleanEnv, spawnProcess, type Ran } from './support/cli.js';
import { responseExample, schemaErrors } from './support/spec.js';

const baseURL = inject('baseURL');
const apiKey = inject('apiKey');
const isMock = inject('isMock');

let cli: Awaited<ReturnType<typeof buildCLI>>;
let failing: FailingServer;
beforeAll(async () => {
  [cli, failing] = await Promise.all([buildCLI(), startFailingServer()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([cli?.remove(), failing?.stop()]);
});

function openai(argv: string[], env: Record<string, string> = {}): Promise<Ran> {
  return spawnProcess(process.execPath, [cli.bin, ...argv], {
    env: cleanEnv({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseURL, ...env }),
  });
}

describe('openai against the API (Prism from the spec by default)', () => {
  it('models list: JSON in a pipe, valid against the spec (the example itself on Prism)', async () => {
    const { code, stdout, stderr } = await openai(['models', 'list']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const body: unknown = JSON.parse(stdout);
    expect(schemaErrors('ListModelsResponse', body)).toEqual([]);
    if (isMock) expect(body).toEqual(responseExample('/models', 'get', '200', 'models'));
    expect(stdout).toBe(`${JSON.stringify(body, null, 2)}\n`);
  });

  it('models list --format table / jsonl / yaml / --field id agree with each other', async () => {
    const json = await openai(['models', 'list']);
    const models: { id: string }[] = JSON.parse(json.stdout).data;
    const [table, jsonl, yaml, ids] = await Promise.all([
      openai(['models', 'list', '--format', 'table']),
      openai(['models', 'list', '--format', 'jsonl']),
      openai(['models', 'list', '--format', 'yaml']),
      openai(['models', 'list', '--field', 'id']),
    ]);
    for (const run of [table, jsonl, yaml, ids]) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID +CREATED +OWNED BY$/);
    expect(rows.slice(1).map((row) => row.split(/ {2,}/)[0])).toEqual(models.map((model) => model.id));
    expect(table.stdout).not.toContain('\x1b');
    expect(jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(models);
    expect(parseYAML(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    expect(ids.stdout).toBe(models.map((model) => `${model.id}\n`).join(''));
  });

  it('models retrieve --model gpt-4o-mini, and the id given as an argument', async () => {
    const byOption = await openai(['models', 'retrieve', '--model', 'gpt-4o-mini']);
    expect({ code: byOption.code, stderr: byOption.stderr }).toEqual({ code: 0, stderr: '' });
    const model: unknown = JSON.parse(byOption.stdout);
    expect(schemaErrors('Model', model)).toEqual([]);
    if (isMock) expect(model).toEqual(responseExample('/models/{model}', 'get', '200', 'model'));
    const byPosition = await openai(['models', 'retrieve', 'gpt-4o-mini']);
    expect(byPosition.stdout).toBe(byOption.stdout);
  });

  it('models delete --model ft:... --format table', async () => {
    const model = 'ft:gpt-4o-mini:acemeco:suffix:abc123';
    // Only the mock is asked to delete; a real server would really delete the model.
    const env = isMock ? {} : { OPENAI_BASE_URL: `${failing.url}/ok`, OPENAI_API_KEY: 'sk-e2e-dummy-key-000' };
    const { code, stdout, stderr } = await openai(['models', 'delete', '--model', model, '--format', 'table'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`ID                                    DELETED\n${model}  true\n`);
  });

  it('--debug logs to stderr only, and never the key', async () => {
    const key = 'sk-e2e-secret-key-0123456789';
    const env = isMock ? {} : { OPENAI_BASE_URL: `${failing.url}/ok` }; // a real server would refuse the dummy key
    const { code, stdout, stderr } = await openai(['models', 'list', '--debug', '--field', 'id', '--api-key', key], env);
    expect(code).toBe(0);
    expect(stdout).not.toContain('debug:');
    expect(stderr).toMatch(/^debug: request GET .*"authorization":"Bearer \[REDACTED\]"/m);
    expect(stderr).toMatch(/^debug: response GET .* 200 in \d+ ms/m);
    expect(stdout + stderr).not.toContain(key);
  });

  it('--help, --version and a usage error', async () => {
    const help = await openai(['models', 'list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: openai-models models list \[options\]\n/);
    const version = await openai(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const missing = await openai(['models', 'retrieve']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: "error: missing --model <id>\nRun 'openai-models models retrieve --help' for usage.\n" });
    const noKey = await openai(['models', 'list'], { OPENAI_API_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('missing API key');
  });
});

describe('openai against a failing server: exit 1, one line on stderr, nothing on stdout', () => {
  it.each([
    ['404', ['models', 'retrieve', 'nope'], 'error: 404 The model `nope` does not exist or you do not have access to it. (request ID req_404_test)\n'],
    ['401', ['models', 'list'], 'error: 401 Incorrect API key provided: sk-abc***xyz. (request ID req_401_test)\n'],
    ['500-empty', ['models', 'list', '--max-retries', '0'], 'error: 500 status code (no body) (request ID req_500_empty)\n'],
    ['stall', ['models', 'list', '--timeout', '300ms', '--max-retries', '0'], 'error: Request timed out. Try a larger --timeout.\n'],
  ])('%s', async (scenario, argv, line) => {
    expect(await openai(argv, { OPENAI_BASE_URL: `${failing.url}/${scenario}` })).toEqual({ code: 1, stdout: '', stderr: line });
  });

  it('a connection reset', async () => {
    const ran = await openai(['models', 'list', '--max-retries', '0'], { OPENAI_BASE_URL: `${failing.url}/reset` });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^error: Connection error: [^\n]+\n$/);
  });

  it('429 then 200 is retried and succeeds', async () => {
    const ran = await openai(['models', 'list', '--field', 'id'], { OPENAI_BASE_URL: `${failing.url}/429-then-200/t-e2e` });
    expect(ran).toEqual({ code: 0, stdout: 'gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n', stderr: '' });
  });
});
