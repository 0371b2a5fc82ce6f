/**
 * Section 4: cold start. Wall time of fresh `node` processes, rounds
 * interleaved: `node -e 0` (the floor), `node -e "import(X)"` for each
 * package, and the CLI's `openai-models models list --help`. For a package,
 * the wall and CPU time of the `import()` itself, measured inside the
 * process; for the CLI and bare node, the wall time of the whole start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DIST_INDEX, OFFICIAL, ROOT } from './contenders.js';
import { median, shuffled } from './stats.js';

export const CLI_BIN = resolve(ROOT, 'dist/src/cli/bin.js');

export type ColdName = 'node -e 0' | 'openapi-fetch' | 'openai-models' | keyof typeof OFFICIAL | 'CLI --help';

export interface ColdResult {
  /** Median wall ms of each command (`CLI --help` absent when the CLI is not built). */
  ms: Partial<Record<ColdName, number>>;
  /**
   * Median wall ms of the `import()` itself, measured inside the process:
   * what the package adds to a start, without the noise of two whole starts
   * (on Node 24 a small package adds a few ms to a start of 100+ ms).
   */
  importMs: Partial<Record<ColdName, number>>;
  /** Median CPU ms (user + system, all threads) of the same `import()`: steadier still on a busy machine. */
  importCpuMs: Partial<Record<ColdName, number>>;
  runs: number;
}

/** Imports `specifier` and prints `<wall ms> <CPU µs>` of the import itself. */
export function importing(specifier: string): string[] {
  return [
    '-e',
    [
      'const t = performance.now(), before = process.cpuUsage();',
      `import(${JSON.stringify(specifier)}).then(() => { const d = process.cpuUsage(before); console.log(performance.now() - t, d.user + d.system); },`,
      '(e) => { console.error(e); process.exit(1); });',
    ].join(' '),
  ];
}

export function measureColdStart(runs: number): ColdResult {
  const commands: Partial<Record<ColdName, string[]>> = {
    'node -e 0': ['-e', '0'],
    'openapi-fetch': importing('openapi-fetch'),
    'openai-models': importing(pathToFileURL(DIST_INDEX).href),
    'openai 6.x': importing(OFFICIAL['openai 6.x']),
    'openai 7.x': importing(OFFICIAL['openai 7.x']),
  };
  if (existsSync(CLI_BIN)) commands['CLI --help'] = [CLI_BIN, 'models', 'list', '--help'];
  const names = Object.keys(commands) as ColdName[];
  const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<ColdName, number[]>;
  const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<ColdName, number[]>;
  const inside = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<ColdName, number[]>;
  const env = { ...process.env, NODE_OPTIONS: '', OPENAI_API_KEY: 'sk-bench' };
  for (let round = 0; round < runs + 1; round++) {
    for (const name of shuffled(names)) {
      const started = performance.now();
      const run = spawnSync(process.execPath, commands[name]!, {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      const ms = performance.now() - started;
      if (run.status !== 0) throw new Error(`${name} failed (${run.status}): ${run.stderr}`);
      if (round === 0) continue; // round 0 warms the disk cache
      wall[name].push(ms);
      if (name === 'node -e 0' || name === 'CLI --help') continue;
      const [importWall, importCpu] = run.stdout.trim().split(' ').map(Number);
      inside[name].push(importWall!);
      cpu[name].push(importCpu! / 1000);
    }
  }
  const result: ColdResult = { ms: {}, importMs: {}, importCpuMs: {}, runs };
  for (const name of names) {
    result.ms[name] = median(wall[name]);
    if (cpu[name].length) result.importCpuMs[name] = median(cpu[name]);
    if (inside[name].length) result.importMs[name] = median(inside[name]);
  }
  return result;
}
