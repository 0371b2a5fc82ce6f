/**
 * The CLI as users get it: `buildCLI()` compiles the package with its real
 * build config (tsconfig.build.json) into a scratch folder inside the repo
 * (so the package's self-reference and node_modules still resolve); the
 * contract projects' global setup builds it once per run (`sharedCLI()`)
 * and support/cli-runner.ts runs the emitted `bin.js` in a child process.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../../scripts/prism.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the test run without any OPENAI_* variable, so a developer's real key or URL never leaks in. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('OPENAI_') && name !== 'NO_COLOR') env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs `command args` to its end, with a deadline; never rejects on a non-zero exit. */
export function spawnProcess(command: string, args: readonly string[], options: { env: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd ?? root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function buildCLI(): Promise<{ bin: string; remove(): Promise<void> }> {
  await mkdir(join(root, '.tmp'), { recursive: true });
  const outDir = await mkdtemp(join(root, '.tmp', 'cli-e2e-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const built = await spawnProcess(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'],
    { env: cleanEnv(), timeoutMs: 90_000 },
  );
  if (built.code !== 0) throw new Error(`tsc failed (${built.code}):\n${built.stdout}${built.stderr}`);
  return { bin: join(outDir, 'src', 'cli', 'bin.js'), remove: () => rm(outDir, { recursive: true, force: true }) };
}

interface Shared {
  built: Promise<{ bin: string; remove(): Promise<void> }>;
  users: number;
}
const sharedKey = Symbol.for('openai-models.contract-tests.cli');

/**
 * One build for every contract project of a vitest run (global setups share
 * the main process): the last `release()` removes it.
 */
export async function sharedCLI(): Promise<{ bin: string; release(): Promise<void> }> {
  const holder = globalThis as { [sharedKey]?: Shared };
  const shared = (holder[sharedKey] ??= { built: buildCLI(), users: 0 });
  shared.users += 1;
  const { bin, remove } = await shared.built;
  return {
    bin,
    async release() {
      shared.users -= 1;
      if (shared.users > 0) return;
      delete holder[sharedKey];
      await remove();
    },
  };
}
