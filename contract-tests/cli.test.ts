/**
 * End to end: the compiled `bin.js` (tsc with the package's own build
 * config, see support/cli.ts) run as a child process against the server
 * under test (Prism, the OpenAI-like server or TEST_API_BASE_URL). Asserts
 * exit code, stdout and stderr as a shell would see them. Model ids come
 * from what the server lists; the mock's own answers are compared on the
 * mock only. Failures: cli-failures.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { cliRunner } from './support/cli-runner.js';
import { responseExample, schemaErrors } from './support/spec.js';

const isMock = inject('isMock');
const deleteModelId = inject('deleteModelId');

const { run: openai, failingURL } = cliRunner({ OPENAI_API_KEY: inject('apiKey'), OPENAI_BASE_URL: inject('baseURL') });

describe('openai-models against the server under test', () => {
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
    for (const run of [table, jsonl, yaml, ids])
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID +CREATED +OWNED BY$/);
    expect(rows.slice(1).map((row) => row.split(/ {2,}/)[0])).toEqual(models.map((model) => model.id));
    expect(table.stdout).not.toContain('\x1b');
    expect(
      jsonl.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(models);
    expect(parseYAML(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    expect(ids.stdout).toBe(models.map((model) => `${model.id}\n`).join(''));
  });

  it('models retrieve --model <id>, and the id given as an argument', async () => {
    const id = isMock
      ? 'gpt-4o-mini'
      : ((await openai(['models', 'list', '--field', 'id'])).stdout.split('\n')[0] ?? '');
    const byOption = await openai(['models', 'retrieve', '--model', id]);
    expect({ code: byOption.code, stderr: byOption.stderr }).toEqual({ code: 0, stderr: '' });
    const model: unknown = JSON.parse(byOption.stdout);
    expect(schemaErrors('Model', model)).toEqual([]);
    expect(model).toMatchObject({ id });
    if (isMock) expect(model).toEqual(responseExample('/models/{model}', 'get', '200', 'model'));
    const byPosition = await openai(['models', 'retrieve', id]);
    expect(byPosition.stdout).toBe(byOption.stdout);
  });

  it('models delete --model <id> --format table', async () => {
    // Only the model named for deletion is deleted on the server under test
    // (a real server would really delete it); without one, the failing
    // server's /ok answers instead.
    const model = deleteModelId ?? 'ft:gpt-4o-mini:acemeco:suffix:abc123';
    const env = deleteModelId ? {} : { OPENAI_BASE_URL: `${failingURL()}/ok`, OPENAI_API_KEY: 'sk-e2e-dummy-key-000' };
    const { code, stdout, stderr } = await openai(['models', 'delete', '--model', model, '--format', 'table'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${'ID'.padEnd(model.length)}  DELETED\n${model}  true\n`);
  });

  it('--debug logs to stderr only, and never the key', async () => {
    const key = 'sk-e2e-secret-key-0123456789';
    const env = isMock ? {} : { OPENAI_BASE_URL: `${failingURL()}/ok` }; // a real server would refuse the dummy key
    const { code, stdout, stderr } = await openai(
      ['models', 'list', '--debug', '--field', 'id', '--api-key', key],
      env,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain('debug:');
    expect(stderr).toMatch(/^debug: request GET .*"authorization":"Bearer \[REDACTED\]"/m);
    expect(stderr).toMatch(/^debug: response GET .* 200 in \d+ ms/m);
    expect(stdout + stderr).not.toContain(key);
  });

  it('--help, --version and a usage error', async () => {
    const help = await openai(['models', 'list', '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: openai-models models list \[options\]\n/);
    const version = await openai(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const missing = await openai(['models', 'retrieve']);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: missing --model <id>\nRun 'openai-models models retrieve --help' for usage.\n",
    });
    const noKey = await openai(['models', 'list'], { OPENAI_API_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('missing API key');
  });
});
