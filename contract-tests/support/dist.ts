/**
 * The package as it is published: `npm run build` (what `npm pack`'s
 * prepare script runs) writes dist/, built once per vitest run by whichever test
 * file asks first, while the other files (and the unit tests) go on. The
 * CLI tests run dist/src/cli/bin.js, the packaging test packs that dist/.
 *
 * Test files run in separate workers, so "once" is a lock folder: the
 * first caller decides, builds if dist/ is stale, and writes a stamp; the
 * others wait for it. The run id (global-setup.ts) keeps one run's stamp from
 * counting for the next.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { root } from '../../scripts/prism.js';
import { cleanEnv, spawnProcess } from './cli.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const cliBin = join(root, 'dist', 'src', 'cli', 'bin.js');

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The newest modification time among the build's inputs. */
async function newestInput(): Promise<number> {
  const files = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/bundle-dist.ts'].map((file) =>
    join(root, file),
  );
  for (const dir of ['src', 'generated']) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const file = join(entry.parentPath, entry.name);
      // tsc skips dot-named folders and files, and tests write scratch files there (src/.hover-*).
      if (
        entry.isFile() &&
        !relative(root, file)
          .split(sep)
          .some((part) => part.startsWith('.'))
      )
        files.push(file);
    }
  }
  const times = await Promise.all(files.map(async (file) => (await stat(file)).mtimeMs));
  return Math.max(...times);
}

/**
 * Whether dist/ is newer than every input of the build, as after `npm ci`
 * (whose prepare script builds it): then no test rebuilds it, and no
 * `rm -rf dist` can pull bin.js from under a CLI test that is running.
 */
async function upToDate(): Promise<boolean> {
  const built = await Promise.all(
    [cliBin, join(root, 'dist', 'src', 'index.js')].map((file) =>
      stat(file).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  return Math.min(...built) > (await newestInput());
}

/** Builds dist/ unless it is up to date; returns why it could not, if so. */
async function buildIfStale(timeoutMs: number): Promise<string | undefined> {
  if (await upToDate()) return undefined;
  const built = await spawnProcess(npm, ['run', 'build'], { env: cleanEnv(), timeoutMs });
  return built.code === 0 ? undefined : `npm run build failed (${built.code}):\n${built.stdout}${built.stderr}`;
}

/** Resolves once dist/ is built for this run; rejects with the build's output if it failed. */
export async function builtDist(timeoutMs = 240_000): Promise<void> {
  const base = join(root, '.tmp', `build-${inject('runId')}`);
  const [lock, done, failed] = [`${base}.lock`, `${base}.done`, `${base}.failed`];
  await mkdir(join(root, '.tmp'), { recursive: true });
  const mine = await mkdir(lock).then(
    () => true,
    () => false,
  );
  // Only the lock's holder asks whether dist/ is stale, once a run: were each
  // file to ask, one could run bin.js from dist/ while a later one, finding
  // it stale (a source changed meanwhile), ran `rm -rf dist` under it.
  if (mine) {
    const failure = await buildIfStale(timeoutMs).catch((error: unknown) => String(error));
    await writeFile(failure === undefined ? done : failed, failure ?? '');
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await exists(done)) return;
    if (await exists(failed)) throw new Error(await readFile(failed, 'utf8'));
    await sleep(100);
  }
  throw new Error(`dist/ was not built within ${timeoutMs} ms`);
}

/** For global-setup.ts: forgets this run's build (its dist/ stays, as after `npm run build`). */
export async function forgetBuild(runId: string): Promise<void> {
  const base = join(root, '.tmp', `build-${runId}`);
  await Promise.all(['lock', 'done', 'failed'].map((end) => rm(`${base}.${end}`, { recursive: true, force: true })));
}
