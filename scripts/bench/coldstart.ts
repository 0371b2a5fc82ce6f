/**
 * Section 4: cold start. Wall time of fresh `node` processes, rounds
 * interleaved: `node -e 0` (the floor), `node -e "import(X)"` for each
 * package, and the CLI's `openai-models models list --help`. Figures are medians
 * minus the bare-node median, i.e. what the package adds to a start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DIST_INDEX, ROOT } from './contenders.js';
import { median, shuffled } from './stats.js';

export const CLI_BIN = resolve(ROOT, 'dist/src/cli/bin.js');

export type ColdName = 'node -e 0' | 'openapi-fetch' | 'openai-models' | 'openai SDK' | 'CLI --help';

export interface ColdResult {
  /** Median wall ms of each command (`CLI --help` absent when the CLI is not built). */
  ms: Partial<Record<ColdName, number>>;
  /** Median ms over `node -e 0`. */
  overNode: Partial<Record<ColdName, number>>;
  runs: number;
}

function importing(specifier: string): string[] {
  return ['-e', `import(${JSON.stringify(specifier)}).catch((e) => { console.error(e); process.exit(1); })`];
}

export function measureColdStart(runs: number): ColdResult {
  const commands: Partial<Record<ColdName, string[]>> = {
    'node -e 0': ['-e', '0'],
    'openapi-fetch': importing('openapi-fetch'),
    'openai-models': importing(pathToFileURL(DIST_INDEX).href),
    'openai SDK': importing('openai'),
  };
  if (existsSync(CLI_BIN)) commands['CLI --help'] = [CLI_BIN, 'models', 'list', '--help'];
  const names = Object.keys(commands) as ColdName[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<ColdName, number[]>;
  const env = { ...process.env, NODE_OPTIONS: '', OPENAI_API_KEY: 'sk-bench' };
  for (let round = 0; round < runs + 1; round++) {
    for (const name of shuffled(names)) {
      const started = performance.now();
      const run = spawnSync(process.execPath, commands[name]!, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - started;
      if (run.status !== 0) throw new Error(`${name} failed (${run.status}): ${run.stderr.toString()}`);
      if (round > 0) samples[name].push(ms); // round 0 warms the disk cache
    }
  }
  const ms: ColdResult['ms'] = {};
  const overNode: ColdResult['overNode'] = {};
  const floor = median(samples['node -e 0']);
  for (const name of names) {
    ms[name] = median(samples[name]);
    overNode[name] = ms[name] - floor;
  }
  return { ms, overNode, runs };
}
