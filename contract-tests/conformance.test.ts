/**
 * `openai-models conformance` against real behaviour: each emulated server
 * (support/servers/) and the real @dwmkerr/mock-llm from npm give the report
 * committed in support/conformance/ (`vitest -u` rewrites them; read the
 * diff); Prism's report shows what a mock cannot do; and the published
 * bin.js passes every check against the tests' OpenAI-like server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, root, startPrism } from '../scripts/prism.js';
import { memoryIO } from '../src/cli/__tests__/memory-io.js';
import { run } from '../src/cli/run.js';
import { cleanEnv } from './support/cli.js';
import { cliRunner } from './support/cli-runner.js';
import { startOpenAILikeServer } from './support/openai-like-server.js';
import { servers, type ServerName } from './support/servers/index.js';

const MOCK_LLM_VERSION = '0.1.29';

/** The report as `openai-models conformance --format <format>` prints it, the port made stable. */
async function conformance(baseURL: string, apiKey: string, format = 'markdown') {
  const io = memoryIO({ env: { OPENAI_API_KEY: apiKey } });
  const code = await run(['conformance', '--base-url', baseURL, '--format', format], io);
  return { code, out: io.out().replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:PORT'), err: io.err() };
}

function row(report: string, request: string): string | undefined {
  return report.split('\n').find((line) => line.includes(` | ${request} | `));
}

/** What the issue says each server gets wrong, and the row of its report that must say so. */
const CAUGHT: Partial<Record<ServerName, [request: string, verdict: RegExp]>> = {
  vllm: [
    'GET /models/meta-llama%2FLlama-3.1-8B-Instruct',
    /\*\*fail\*\*.*expected 200, got 404: \{"detail":"Not Found"\}/,
  ],
  'ollama-empty': ['GET /models', /\*\*fail\*\*.*body.data is not an array/],
  together: ['GET /models', /\*\*fail\*\*.*body is not an object/],
  lmstudio: ['GET /openai-models-conformance/no-such-route', /^warn \| .*got 200/],
  localai: ['GET /models', /\*\*fail\*\*.*body.data\\\[0\\\].created is missing/],
  openrouter: ['GET /models', /\*\*fail\*\*.*body.object is missing/],
};

describe('each emulated server gives its committed report', () => {
  it.each(Object.keys(servers) as ServerName[])('%s', async (name) => {
    const entry = servers[name];
    const server = await entry.start();
    try {
      const { code, out, err } = await conformance(server.baseURL, entry.apiKey);
      expect(err).toBe('');
      await expect(out).toMatchFileSnapshot(`./support/conformance/${name}.md`);
      expect(code).toBe(out.includes('\n**fail** | ') ? 1 : 0);
      const caught = CAUGHT[name];
      if (caught) expect(row(out, caught[0])).toMatch(caught[1]);
      expect(server.seen.map((seen) => seen.method)).not.toContain('DELETE');
    } finally {
      await server.close();
    }
  });
});

describe('@dwmkerr/mock-llm, run for real', () => {
  let baseURL = '';
  let stop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    // A folder of its own: mock-llm reads mock-llm.yaml from its working folder.
    const cwd = await mkdtemp(join(tmpdir(), 'mock-llm-'));
    const port = await freePort();
    const child = spawn(process.execPath, [join(root, 'node_modules', '@dwmkerr', 'mock-llm', 'dist', 'main.js')], {
      cwd,
      env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    stop = async () => {
      if (child.exitCode === null) child.kill();
      await exited;
      await rm(cwd, { recursive: true, force: true });
    };
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('server running on')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`mock-llm exited (${code}) before listening: ${output}`)));
    });
    baseURL = `http://127.0.0.1:${port}/v1`;
  }, 60_000);
  afterAll(() => stop());

  it(`${MOCK_LLM_VERSION} is the version installed`, async () => {
    const manifest = JSON.parse(
      await readFile(join(root, 'node_modules', '@dwmkerr', 'mock-llm', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(manifest.version).toBe(MOCK_LLM_VERSION);
  });

  it('gives the committed report: the whole list for any retrieve, and no created', async () => {
    const { code, out } = await conformance(baseURL, 'sk-mock-llm-not-checked');
    await expect(out).toMatchFileSnapshot(`./support/conformance/mock-llm-${MOCK_LLM_VERSION}.md`);
    expect(code).toBe(1);
    expect(row(out, 'GET /models')).toMatch(/\*\*fail\*\*.*body.data\\\[0\\\].created is missing/);
    expect(row(out, 'GET /models/gpt-5.2')).toMatch(/\*\*fail\*\*.*body.id is missing/);
    expect(row(out, 'GET /models/openai-models-conformance-no-such-model')).toMatch(
      /\*\*fail\*\*.*expected 404, got 200: \{"object":"list"/,
    );
  });
});

describe('Prism, the spec’s own mock', () => {
  let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
  beforeAll(async () => {
    prism = await startPrism();
  }, 120_000);
  afterAll(() => prism?.stop());

  it('gives the committed report: 200 for an unknown id, and any key accepted', async () => {
    const { out } = await conformance(prism?.url ?? '', 'sk-prism-any-key-000000');
    await expect(out).toMatchFileSnapshot('./support/conformance/prism.md');
    expect(row(out, 'GET /models/openai-models-conformance-no-such-model')).toMatch(
      /\*\*fail\*\*.*expected 404, got 200/,
    );
    expect(row(out, 'GET /models (wrong key)')).toMatch(/\*\*fail\*\*.*a wrong key was accepted: 200/);
  });
});

describe('docs/compatibility.md', () => {
  it('holds every committed report as it is', async () => {
    const folder = join(root, 'contract-tests', 'support', 'conformance');
    const docs = await readFile(join(root, 'docs', 'compatibility.md'), 'utf8');
    const reports = await readdir(folder);
    expect(reports).toHaveLength(Object.keys(servers).length + 2);
    for (const name of reports) expect(docs, name).toContain(await readFile(join(folder, name), 'utf8'));
  });
});

describe('the published bin.js', () => {
  const cli = cliRunner({});

  it('passes every check against the OpenAI-like server, DELETE included when asked', async () => {
    const server = await startOpenAILikeServer();
    try {
      const { code, stdout, stderr } = await cli.run(
        ['conformance', '--base-url', server.baseURL, '--delete-model', server.deletableId],
        { OPENAI_API_KEY: server.apiKey },
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const verdicts = stdout.split('\n').flatMap((line) => /^(pass|warn|fail|n\/a) /.exec(line)?.[1] ?? []);
      expect(verdicts.filter((verdict) => verdict !== 'pass')).toEqual(['n/a']);
      expect(stdout).toMatch(/^n\/a .*a listed id with \/ .*\/models named none$/m);
      expect(server.deletes).toEqual([server.deletableId]);
      expect(stdout).not.toContain(server.apiKey);
    } finally {
      await server.close();
    }
  });
});
