/**
 * The published package: `npm pack` (its prepare script builds dist/), the tarball
 * installed into an empty temporary project with `npm install --offline`
 * (openapi-fetch comes from npm's cache, filled by `npm ci`; no network),
 * then `npx openai-models` there, against Prism (or TEST_API_BASE_URL). Also
 * `npx openai-models` in the repo itself, whose dist/ that build just made.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { root as repo } from '../scripts/prism.js';
import { cleanEnv, spawnProcess } from './support/cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'openai-models-pack-'));
  const packed = await spawnProcess(npm, ['pack', '--pack-destination', folder, '--silent'], { env: cleanEnv(), timeoutMs: 120_000 });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stdout}${packed.stderr}`);
  const tarball = (await readdir(folder)).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball:\n${packed.stdout}`);
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: 'pack-check', private: true }));
  const installed = await spawnProcess(npm, ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], {
    env: cleanEnv(),
    cwd: folder,
    timeoutMs: 120_000,
  });
  if (installed.code !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stdout}${installed.stderr}`);
}, 240_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

it('npx openai-models models list works from the installed tarball', async () => {
  const env = cleanEnv({ OPENAI_API_KEY: inject('apiKey'), OPENAI_BASE_URL: inject('baseURL') });
  const ran = await spawnProcess(npx, ['--no', '--offline', 'openai-models', 'models', 'list', '--field', 'id'], { env, cwd: folder, timeoutMs: 60_000 });
  expect(ran.stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
  expect(ran.code).toBe(0);
  expect(ran.stdout).toMatch(/^(\S+\n)+$/);
  if (inject('isMock')) expect(ran.stdout).toBe('gpt-4o-mini\ngpt-3.5-turbo-instruct\nft:gpt-4o-mini:acemeco:suffix:abc123\n');
  // `--` first: without it, npx takes a --version (or --help) right after the command name as its own.
  const version = await spawnProcess(npx, ['--no', '--offline', '--', 'openai-models', '--version'], { env, cwd: folder });
  expect(version.stdout).toBe(`${JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')).version}\n`);
}, 60_000);

it('npx openai-models models list works in the repo after the build', async () => {
  // npm exec prefers the bin of the project it runs in over node_modules/.bin.
  const env = cleanEnv({ OPENAI_API_KEY: inject('apiKey'), OPENAI_BASE_URL: inject('baseURL') });
  const ran = await spawnProcess(npx, ['--no', '--offline', 'openai-models', 'models', 'list', '--format', 'jsonl'], { env, timeoutMs: 60_000 });
  expect(ran.code).toBe(0);
  const models: unknown[] = ran.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(models.length).toBeGreaterThan(0);
  expect(models.every((model) => typeof model === 'object' && model !== null && 'id' in model)).toBe(true);
}, 60_000);

it('every deep path of "exports" imports from the installed tarball and shares the main entry\'s classes', async () => {
  const subpaths = Object.keys(JSON.parse(await readFile(join(folder, 'node_modules', 'openai-models', 'package.json'), 'utf8')).exports).filter(
    (key) => key !== '.' && key !== './package.json',
  );
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
  const ran = await spawnProcess(process.execPath, ['--input-type=module', '-e', script], { env: cleanEnv(), cwd: folder });
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

it('CommonJS code can require() it (require(esm), Node >= 20.19), deep paths included', async () => {
  const script = `
    const { OpenAI, NotFoundError } = require('openai-models');
    const { Models } = require('openai-models/resources/models');
    const errors = require('openai-models/error');
    console.log(typeof OpenAI, Models === OpenAI.Models, errors.NotFoundError === NotFoundError);`;
  const ran = await spawnProcess(process.execPath, ['-e', script], { env: cleanEnv(), cwd: folder });
  expect(ran.stdout).toBe('function true true\n');
  expect(ran.code).toBe(0);
});

it('TypeScript in CommonJS: import = require() is TS1471 under module node16, fine under nodenext; import() works under both', async () => {
  await writeFile(join(folder, 'required.cts'), "import OpenAI = require('openai-models');\nexport const client = new OpenAI.OpenAI({ apiKey: 'k' });\n");
  await writeFile(join(folder, 'imported.cts'), "export async function make() {\n  const { OpenAI } = await import('openai-models');\n  return new OpenAI({ apiKey: 'k' });\n}\n");
  const tsc = (module: string, file: string) =>
    spawnProcess(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '--module', module, '--strict', '--noEmit', '--skipLibCheck', '--types', 'node', '--typeRoots', join(repo, 'node_modules', '@types'), file], {
      env: cleanEnv(),
      cwd: folder,
      timeoutMs: 60_000,
    });
  const [node16Require, nodenextRequire, node16Import] = await Promise.all([tsc('node16', 'required.cts'), tsc('nodenext', 'required.cts'), tsc('node16', 'imported.cts')]);
  expect(node16Require.stdout).toContain('error TS1471');
  expect(nodenextRequire.stdout).toBe('');
  expect(node16Import.stdout).toBe('');
}, 60_000);

it('the tarball ships the bin and no tests', async () => {
  const root = join(folder, 'node_modules', 'openai-models');
  const files = await readdir(join(root, 'dist', 'src', 'cli'));
  expect(files).toContain('bin.js');
  expect(files.filter((name) => name.includes('test') || name === '__tests__')).toEqual([]);
  const link = await readdir(join(folder, 'node_modules', '.bin'));
  expect(link).toContain('openai-models');
});
