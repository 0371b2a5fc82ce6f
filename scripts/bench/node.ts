/**
 * Which Node the measurements run on. All columns run on the same Node, in
 * the same processes, so the comparison stays side by side: the machine's
 * own Node when every contender supports it, otherwise Node 24 (the LTS line
 * the 7.x figures were taken on). `openai` 7.x declares
 * `engines: node >= 22`, so on a Node 20 machine that means Node 24 from the
 * project's Node cache, installed there on first use.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OFFICIAL, ROOT } from './contenders.js';

/** The exact Node the bench uses when the machine's is too old for a contender. */
export const FALLBACK_NODE = '24.21.0';

export interface BenchNode {
  /** The `node` binary every measurement process runs. */
  path: string;
  version: string;
  /** Why this one: shown in the report. */
  why: string;
}

/** The lowest Node major every contender's `engines` accepts (only `>=N` ranges occur). */
export function requiredMajor(): { major: number; by: string } {
  let best = { major: 0, by: 'none' };
  for (const [name, dir] of Object.entries(OFFICIAL)) {
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'node_modules', dir, 'package.json'), 'utf8')) as {
      engines?: { node?: string };
    };
    const major = Number(/>=\s*(\d+)/.exec(engines?.node ?? '')?.[1] ?? 0);
    if (major > best.major) best = { major, by: `${name} (engines node ${engines?.node})` };
  }
  return best;
}

export function benchNode(): BenchNode {
  const here = Number(process.versions.node.split('.')[0]);
  const { major, by } = requiredMajor();
  if (here >= major) return { path: process.execPath, version: process.version, why: "the machine's Node" };
  const path = join(installNode(FALLBACK_NODE), 'node');
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  return { path, version, why: `the machine's ${process.version} is below ${by}` };
}

/** The `bin` folder of Node `version`, from CI's installer (`scripts/install-node.sh`: cached outside the repo). */
function installNode(version: string): string {
  const out = execFileSync('bash', [resolve(ROOT, 'scripts/install-node.sh'), version], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim();
}
