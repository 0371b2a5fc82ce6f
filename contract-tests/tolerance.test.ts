/**
 * The tolerance policy of docs/compatibility.md, one row at a time, against
 * an emulation of each server that deviates (contract-tests/support/servers/):
 * what the default mode gives, and what strict mode refuses.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, { APIError, APIResponseValidationError, type ClientOptions } from '../src/index.js';
import { failureOf } from '../src/__tests__/transport-harness.js';
import { memoryIO } from '../src/cli/__tests__/memory-io.js';
import { run } from '../src/cli/run.js';
import { strictResponseValidation } from '../src/strict.js';
import { servers, type Emulation, type ServerName } from './support/servers/index.js';

let running: Emulation | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function clientOf(name: ServerName, options: ClientOptions = {}): Promise<OpenAI> {
  running = await servers[name].start();
  return new OpenAI({ apiKey: servers[name].apiKey, baseURL: running.baseURL, maxRetries: 0, ...options });
}

const failure = (promise: PromiseLike<unknown>) => failureOf(promise, APIError);

/** A strict client on the server already running. */
const strictOn = (name: ServerName): OpenAI =>
  new OpenAI({
    apiKey: servers[name].apiKey,
    baseURL: running!.baseURL,
    maxRetries: 0,
    strictResponseValidation,
  });

/** One test per row of the policy, by the row's first cell. */
const rows: Record<string, () => Promise<void>> = {
  '`data: null` in the list': async () => {
    const client = await clientOf('ollama-empty');
    const page = await client.models.list();
    expect(page.data).toEqual([]);
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual([]);
    const strict = await failure(strictOn('ollama-empty').models.list());
    expect(strict.message).toMatch(/^200 response body\.data is not an array \(type\), got null; request id none$/);
  },
  'A bare JSON array, no list envelope': async () => {
    const client = await clientOf('together');
    const page = await client.models.list();
    expect(page.object).toBe('list');
    expect(page.data.map((model) => model.id)).toEqual([
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'BAAI/bge-large-en-v1.5',
    ]);
    expect(page.data[0]).toMatchObject({ type: 'chat' });
    const strict = await failure(strictOn('together').models.list());
    expect(strict).toBeInstanceOf(APIResponseValidationError);
    expect(strict.message).toMatch(/^200 response body is not an object \(type\), got \[/);
  },
  'No `created` or `owned_by`': async () => {
    for (const name of ['lmstudio', 'localai', 'deepseek'] as const) {
      const client = await clientOf(name);
      const [first] = (await client.models.list()).data;
      expect(first).toBeDefined();
      expect('created' in first!).toBe(false);
      if (name === 'localai') expect(first).toEqual({ id: 'phi-2', object: 'model' });
      const strict = await failure(strictOn(name).models.list());
      expect(strict.message).toMatch(/^200 response body\.data\[0\]\.(created|owned_by) is missing \(required\)/);
      await running!.close();
      running = undefined;
    }
  },
  'No `object`': async () => {
    const client = await clientOf('openrouter');
    const [first] = (await client.models.list()).data;
    expect(first).toMatchObject({ id: 'openai/gpt-4o-mini', context_length: 128000 });
    expect('object' in first!).toBe(false);
    const strict = await failure(strictOn('openrouter').models.list());
    expect(strict.message).toMatch(/^200 response body\.object is missing \(required\)/);
  },
  'An integer `code` in an error': async () => {
    const client = await clientOf('llamacpp', { apiKey: 'sk-wrong-key-0000' });
    const error = await failure(client.models.retrieve('Llama-3.1-8B-Instruct-Q4_K_M.gguf'));
    expect(error).toMatchObject({ status: 401, code: '401', type: 'authentication_error' });
    expect(error.error).toMatchObject({ code: 401 });
    expect(error.message).toBe('401 Invalid API Key');
  },
  'A string `code` and `param: "None"`': async () => {
    const client = await clientOf('litellm', { defaultHeaders: { authorization: null } });
    const error = await failure(client.models.list());
    expect(error).toMatchObject({ status: 401, code: '401', param: 'None', type: 'auth_error' });
  },
  'FastAPI\'s `{"detail": "…"}`': async () => {
    const client = await clientOf('vllm');
    const error = await failure(client.models.retrieve('meta-llama/Llama-3.1-8B-Instruct'));
    expect(error.message).toBe('404 Not Found');
    expect(error.error).toEqual({ detail: 'Not Found' });
  },
  'HTTP 200 with `{"error": "Unexpected endpoint or method. …"}` for a route it lacks': async () => {
    const client = await clientOf('lmstudio');
    const error = await failure(client.models.delete('qwen2.5-7b-instruct'));
    expect(error).toBeInstanceOf(APIResponseValidationError);
    expect(error.message).toContain('Unexpected endpoint or method. (DELETE /v1/models/qwen2.5-7b-instruct)');
    const strict = await failure(strictOn('lmstudio').models.delete('qwen2.5-7b-instruct'));
    expect(strict.message).toMatch(/^200 response body\.id is missing \(required\)/);
  },
  'Ids with `/` or `:`': async () => {
    const client = await clientOf('litellm');
    const error = await failure(client.models.retrieve('openai/gpt-4o'));
    expect(error.status).toBe(404);
    expect(running!.seen.at(-1)?.url).toBe('/v1/models/openai%2Fgpt-4o');
    await running!.close();
    const ollama = await clientOf('ollama');
    expect((await ollama.models.retrieve('llama3.2:latest')).id).toBe('llama3.2:latest');
    expect(running!.seen.at(-1)?.url).toBe('/v1/models/llama3.2:latest');
  },
};

describe('the tolerance policy (docs/compatibility.md)', () => {
  it.each(Object.entries(rows))('%s', async (_row, run) => {
    await run();
  });

  it('has a tested row for each row of the docs, and no other', () => {
    const doc = readFileSync(new URL('../docs/compatibility.md', import.meta.url), 'utf8');
    const from = doc.indexOf('## Tolerance policy');
    const table = doc.slice(from, doc.indexOf('\n## ', from + 1));
    const firstCells = [...table.matchAll(/^\| (.+?) \|/gm)].map((match) => match[1]!);
    expect(firstCells.slice(1).filter((cell) => !/^-+$/.test(cell))).toEqual(Object.keys(rows));
  });
});

describe("the CLI's --strict", () => {
  it('fails (exit 1) on what the default mode keeps, naming the path and the rule', async () => {
    running = await servers.localai.start();
    const env = { OPENAI_API_KEY: servers.localai.apiKey, OPENAI_BASE_URL: running.baseURL };
    const tolerant = memoryIO({ env });
    expect(await run(['models', 'list', '--field', 'id', '--max-retries', '0'], tolerant)).toBe(0);
    expect(tolerant.out()).toBe('phi-2\n');
    const strict = memoryIO({ env });
    expect(await run(['models', 'list', '--strict', '--max-retries', '0'], strict)).toBe(1);
    expect(strict.out()).toBe('');
    expect(strict.err()).toBe('error: 200 response body.data[0].created is missing (required); request id none\n');
  });
});
