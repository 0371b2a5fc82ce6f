/**
 * `npm run bench`: builds the package, measures the five sections of issue 6
 * side by side in one run, and prints one table of medians and ratios plus
 * the verdict on each target. `-- --write` also puts the figures into
 * BENCHMARKS.md (between its bench markers); `-- --no-build` reuses dist/.
 * Progress goes to stderr, the report to stdout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI_BIN, measureColdStart } from './coldstart.js';
import { ROOT } from './contenders.js';
import { measureCpu } from './cpu.js';
import { measureLoopback } from './loopback.js';
import { measureMemory } from './memory.js';
import { machine, table, verdictList, verdicts, type Results } from './report.js';
import { measureSize } from './size.js';

/** Bounded work: on 2 noisy cores the whole run, build included, takes about a minute. */
const CPU_ROUNDS = 25;
const LOOPBACK_ROUNDS = 16;
const COLD_RUNS = 15;
const MEMORY_CALLS = 100_000;

const args = new Set(process.argv.slice(2));
const started = performance.now();
const step = (what: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}\n`);
};

if (!args.has('--no-build')) {
  step('npm run build');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
step(`1/5 CPU per call, stubbed fetch (${CPU_ROUNDS} interleaved rounds)`);
const cpu = await measureCpu(CPU_ROUNDS, 'http://bench.invalid/v1');
step(`2/5 loopback against a local server process (${LOOPBACK_ROUNDS} interleaved rounds)`);
const loopback = await measureLoopback(LOOPBACK_ROUNDS);
step('3/5 bundle and install size');
const size = await measureSize();
step(`4/5 cold start (${COLD_RUNS} fresh processes each)`);
const cold = measureColdStart(COLD_RUNS);
step(`5/5 heap over ${MEMORY_CALLS.toLocaleString('en-US')} calls`);
const memory = measureMemory(MEMORY_CALLS);
const results: Results = { cpu, loopback, size, cold, memory };
const seconds = (performance.now() - started) / 1000;

const notes = [
  `Machine: ${machine()}. Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${seconds.toFixed(0)} s.`,
  'Fairness: every contender runs in one process, each round in a fresh random order; all four get the same base URL, API key and stubbed `fetch` (section 1) or their own default `fetch`, i.e. Node\'s undici (section 2), and otherwise their defaults: openai-models and the official SDK both keep 2 retries and a 10-minute per-request timeout, raw fetch and openapi-fetch have neither. Every call ends with the JSON body parsed. Ratios are medians of the per-round ratios measured side by side.',
  `Timeout floor: one AbortController + setTimeout/clearTimeout costs ${cpu.timeoutFloorUs.toFixed(1)} µs of CPU here (Node 20 makes every AbortSignal transferable), so any client with a per-attempt timeout pays that over bare openapi-fetch, which has none.`,
  `Loopback floor: raw fetch given an AbortSignal and a timer (what any client needs to cancel a stalled request) runs at ${loopback.signalFloor.toFixed(2)}× plain raw fetch's sequential throughput, measured side by side; undici does extra work per request for a signal.`,
  cold.overNode['CLI --help'] === undefined ? `CLI row skipped: ${CLI_BIN.slice(ROOT.length + 1)} does not exist yet (the CLI lands on its own branch).` : '',
].filter(Boolean);

const report = [table(results), '', verdictList(verdicts(results)), '', ...notes.map((n) => `- ${n}`)].join('\n');
process.stdout.write(`${report}\n`);

if (args.has('--write')) {
  const path = resolve(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const [head, rest] = [text.indexOf(begin), text.indexOf(end)];
  if (head < 0 || rest < head) throw new Error(`${path} lacks the ${begin} ... ${end} markers`);
  writeFileSync(path, `${text.slice(0, head + begin.length)}\n${report}\n${text.slice(rest)}`);
  step('wrote BENCHMARKS.md');
}
step('done');
