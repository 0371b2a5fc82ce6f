/**
 * One run of the timed sections (CPU per call, loopback, cold start) in a
 * fresh process: `node --import tsx scripts/bench/one-run.ts`. `run.ts`
 * starts it `--runs` times, so the spread it reports is the spread between
 * whole runs (new process, new heap, new JIT, new server), which is what a
 * re-run of the bench would see. Progress goes to stderr, one JSON line of
 * figures to stdout.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureColdStart, type ColdResult } from './coldstart.js';
import { measureCpu, type CpuResult } from './cpu.js';
import { measureLoopback, type LoopbackResult } from './loopback.js';

/** Per-run work, bounded so that 5 runs take a few minutes on 2 shared cores. */
export const CPU_ROUNDS = 15;
export const LOOPBACK_ROUNDS = 6;
export const COLD_RUNS = 6;

export interface RunResult {
  cpu: CpuResult;
  loopback: LoopbackResult;
  cold: ColdResult;
}

async function main(): Promise<void> {
  if (!('gc' in globalThis))
    throw new Error('one-run.ts needs --expose-gc (see gc.ts); run it through `npm run bench`');
  const started = performance.now();
  const log = (what: string): void =>
    void process.stderr.write(`        +${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s ${what}\n`);
  log(`CPU per call, stubbed fetch (${CPU_ROUNDS} interleaved rounds)`);
  const cpu = await measureCpu(CPU_ROUNDS, 'http://bench.invalid/v1');
  log(`loopback against a local server process (${LOOPBACK_ROUNDS} interleaved rounds)`);
  const loopback = await measureLoopback(LOOPBACK_ROUNDS);
  log(`cold start (${COLD_RUNS} fresh processes each)`);
  const cold = measureColdStart(COLD_RUNS);
  log('run done');
  const result: RunResult = { cpu, loopback, cold };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
