/**
 * The published package: `npm pack` of this run's `npm run build` (what
 * its prepare script runs; support/dist.ts), the tarball
 * installed into empty scratch apps with `npm install --offline` (runtime
 * dependencies from the repo's own node_modules, see support/scratch-app.ts;
 * no network, whatever npm's cache holds), then `npx openai-models` there,
 * against Prism (or TEST_API_BASE_URL). Beside it, the official `openai`
 * 6.30.1, whose package also installs a bin (named `openai`): in either
 * install order both commands must run. Also `npx openai-models` in the repo
 * itself, whose dist/ that build just made.
 */
import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root as repo } from '../scripts/prism.js';
import { cleanEnv, spawnProcess } from './support/cli.js';
import { packAll, scratchApp } from './support/scratch-app.js';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const mockIds = 'gpt-4o-mini\ngpt-3.5-turbo-instruct\nft:gpt-4o-mini:acemeco:suffix:abc123\n';
let folder: string;
const apps: Record<'alone' | 'ours-then-openai' | 'openai-then-ours', string> = {
  alone: '',
  'ours-then-openai': '',
  'openai-then-ours': '',
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'openai-models-pack-'));
  const packed = await packAll(folder, ['openai']);
  const official = packed.installed['openai'] ?? '';
  [apps.alone, apps['ours-then-openai'], apps['openai-then-ours']] = await Promise.all([
    scratchApp(packed, 'alone', [packed.ours]),
    scratchApp(packed, 'ours-then-openai', [packed.ours, official]),
    scratchApp(packed, 'openai-then-ours', [official, packed.ours]),
  ]);
}, 300_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

function npxIn(cwd: string, argv: string[]): ReturnType<typeof spawnProcess> {
  const env = cleanEnv({ OPENAI_API_KEY: inject('apiKey'), OPENAI_BASE_URL: inject('baseURL') });
  return spawnProcess(npx, ['--no', '--offline', ...argv], { env, cwd, timeoutMs: 60_000 });
}

/** `npx openai-models models list --field id` in `app`: one id a line, the mock's three on Prism. */
async function expectListWorks(app: string): Promise<void> {
  const ran = await npxIn(app, ['openai-models', 'models', 'list', '--field', 'id']);
  expect(ran.stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
  expect(ran.code, ran.stderr).toBe(0);
  expect(ran.stdout).toMatch(/^(\S+\n)+$/);
  if (inject('isMock')) expect(ran.stdout).toBe(mockIds);
}

it('npx openai-models models list works from the installed tarball', async () => {
  await expectListWorks(apps.alone);
  // `--` first: without it, npx takes a --version (or --help) right after the command name as its own.
  const version = await npxIn(apps.alone, ['--', 'openai-models', '--version']);
  expect(version.stdout).toBe(`${JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')).version}\n`);
}, 60_000);

it('npx openai-models models list works in the repo after the build', async () => {
  // npm exec prefers the bin of the project it runs in over node_modules/.bin.
  // It links the project into npm's npx cache first and, when that cache has
  // no such link yet (a new machine), runs its prepare script: `npm run
  // build`, whose `rm -rf dist` would pull dist/ from under the other test
  // files of this run. --ignore-scripts: run this run's build as it is.
  const env = cleanEnv({ OPENAI_API_KEY: inject('apiKey'), OPENAI_BASE_URL: inject('baseURL') });
  const argv = ['--no', '--offline', '--ignore-scripts', 'openai-models', 'models', 'list', '--format', 'jsonl'];
  const ran = await spawnProcess(npx, argv, { env, timeoutMs: 60_000 });
  expect(ran.code, ran.stderr).toBe(0);
  const models: unknown[] = ran.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(models.length).toBeGreaterThan(0);
  expect(models.every((model) => typeof model === 'object' && model !== null && 'id' in model)).toBe(true);
}, 60_000);

it('every deep path of "exports" imports from the installed tarball and shares the main entry\'s classes', async () => {
  const subpaths = Object.keys(
    JSON.parse(await readFile(join(apps.alone, 'node_modules', 'openai-models', 'package.json'), 'utf8')).exports,
    // openai-models/strict is an entry of its own, not a second road to the main entry's objects (below).
  ).filter((key) => !['.', './package.json', './strict'].includes(key));
  expect(subpaths).toContain('./resources/models');
  // Each subpath must re-export the very objects of the main entry: a second copy of a class breaks instanceof.
  const script = `
    const main = await import('openai-models');
    const out = {};
    for (const subpath of ${JSON.stringify(subpaths)}) {
      const names = [];
      for (const [name, value] of Object.entries(await import('openai-models' + subpath.slice(1)))) {
        names.push(value === main[name] ? name : name + ' (a different object!)');
      }
      out[subpath] = names.sort().join(' ');
    }
    out.errorClasses = Object.keys(main).filter((name) => main[name]?.prototype instanceof Error).sort().join(' ');
    console.log(JSON.stringify(out));`;
  const ran = await spawnProcess(process.execPath, ['--input-type=module', '-e', script], {
    env: cleanEnv(),
    cwd: apps.alone,
  });
  expect(ran.stderr).toBe('');
  const exported: Record<string, string> = JSON.parse(ran.stdout);
  expect(exported['./resources/models']).toBe('Models');
  expect(exported['./resources/models.mjs']).toBe('Models');
  expect(exported['./pagination']).toBe('Page PagePromise');
  // src/compat/error.ts lists the classes again: this keeps the two lists equal.
  expect(exported['./error']).toBe(exported['errorClasses']);
  expect(exported['./error']).toContain('NotFoundError');
  expect(exported['./core/error']).toBe(exported['./error']);
  expect(Object.entries(exported).filter(([, names]) => names === '' || names.includes('different'))).toEqual([]);
});

it('openai-models/strict turns strict mode on from the installed tarball; the main entry loads no validator', async () => {
  const script = `
    const { OpenAI, APIResponseValidationError } = await import('openai-models');
    const before = Object.keys(await import('openai-models')).filter((name) => /validat/i.test(name) && name !== 'APIResponseValidationError');
    const { strictResponseValidation } = await import('openai-models/strict');
    const fetch = async () => Response.json({ id: 'm', object: 'model', owned_by: 'o' });
    const client = new OpenAI({ apiKey: 'sk-tarball-0000', fetch, strictResponseValidation });
    const error = await client.models.retrieve('m').catch((e) => e);
    console.log(before.length, error instanceof APIResponseValidationError, error.message);`;
  const ran = await spawnProcess(process.execPath, ['--input-type=module', '-e', script], {
    env: cleanEnv(),
    cwd: apps.alone,
  });
  expect(ran.stderr).toBe('');
  expect(ran.stdout).toBe('0 true 200 response body.created is missing (required); request id none\n');
});

it('CommonJS code can require() it (require(esm), Node >= 20.19), deep paths included', async () => {
  const script = `
    const { OpenAI, NotFoundError } = require('openai-models');
    const { Models } = require('openai-models/resources/models');
    const errors = require('openai-models/error');
    console.log(typeof OpenAI, Models === OpenAI.Models, errors.NotFoundError === NotFoundError);`;
  const ran = await spawnProcess(process.execPath, ['-e', script], { env: cleanEnv(), cwd: apps.alone });
  expect(ran.stdout).toBe('function true true\n');
  expect(ran.code).toBe(0);
});

it('TypeScript in CommonJS: import = require() is TS1471 under module node16, fine under nodenext; import() works under both', async () => {
  await writeFile(
    join(apps.alone, 'required.cts'),
    "import OpenAI = require('openai-models');\nexport const client = new OpenAI.OpenAI({ apiKey: 'k' });\n",
  );
  await writeFile(
    join(apps.alone, 'imported.cts'),
    "export async function make() {\n  const { OpenAI } = await import('openai-models');\n  return new OpenAI({ apiKey: 'k' });\n}\n",
  );
  const tsc = (module: string, file: string) =>
    spawnProcess(
      process.execPath,
      [
        join(repo, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--module',
        module,
        '--strict',
        '--noEmit',
        '--skipLibCheck',
        '--types',
        'node',
        '--typeRoots',
        join(repo, 'node_modules', '@types'),
        file,
      ],
      {
        env: cleanEnv(),
        cwd: apps.alone,
        timeoutMs: 60_000,
      },
    );
  const [node16Require, nodenextRequire, node16Import] = await Promise.all([
    tsc('node16', 'required.cts'),
    tsc('nodenext', 'required.cts'),
    tsc('node16', 'imported.cts'),
  ]);
  expect(node16Require.stdout).toContain('error TS1471');
  expect(nodenextRequire.stdout).toBe('');
  expect(node16Import.stdout).toBe('');
}, 60_000);

it('the tarball ships the bin and no tests', async () => {
  const root = join(apps.alone, 'node_modules', 'openai-models');
  const files = await readdir(join(root, 'dist', 'src', 'cli'));
  expect(files).toContain('bin.js');
  expect(files.filter((name) => name.includes('test') || name === '__tests__')).toEqual([]);
  expect(await readdir(join(apps.alone, 'node_modules', '.bin'))).toEqual(['openai-models']);
});

describe('beside the official openai 6.30.1, which installs a bin named openai', () => {
  it.each(['ours-then-openai', 'openai-then-ours'] as const)(
    'installed %s: both commands run',
    async (order) => {
      const bin = join(apps[order], 'node_modules', '.bin');
      expect(await readlink(join(bin, 'openai'))).toBe('../openai/bin/cli');
      expect(await readlink(join(bin, 'openai-models'))).toBe('../openai-models/dist/src/cli/bin.js');
      // The official command: without a subcommand it prints its usage and exits 1.
      const [official] = await Promise.all([npxIn(apps[order], ['openai']), expectListWorks(apps[order])]);
      expect(official.code).toBe(1);
      expect(official.stdout).toMatch(/^Usage: openai <subcommand>\n\nSubcommands:\n {2}migrate /);
    },
    60_000,
  );
});
