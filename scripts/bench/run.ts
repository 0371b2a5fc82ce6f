/**
 * `npm run bench`: builds the package, then measures every contender side
 * by side. The timed sections run `--runs N` times (default 5), each in a
 * fresh process (one-run.ts), and every ratio is reported as its median and
 * min–max over the runs; size and code lines are deterministic and measured
 * once, the heap check and the per-attempt signal ways (signals.ts) once.
 * Prints the tables and the verdict on each guard; `-- --write` also puts
 * them into BENCHMARKS.md (between its bench markers); `-- --no-build`
 * reuses dist/. Either way it ends with the code lines per file and which
 * ratios of the block already in BENCHMARKS.md this run reproduced.
 * Progress goes to stderr, the report to stdout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { countLibrary, fileList } from '../count-lines.js';
import { CLI_BIN } from './coldstart.js';
import { OURS, ROOT } from './contenders.js';
import { measureMemory } from './memory.js';
import { benchNode } from './node.js';
import { COLD_RUNS, CPU_ROUNDS, LOOPBACK_ROUNDS, type RunResult } from './one-run.js';
import { figuresTable, machine, over, ranged, ratioTable, strictTable, type Results } from './report.js';
import { reproduction } from './reproduce.js';
import { measureSignals, signalsTable } from './signals.js';
import { measureSize } from './size.js';
import { verdictList, verdicts } from './verdicts.js';

const MEMORY_CALLS = 100_000;
/** Fewer runs than this cannot show a spread worth the name (issue 14). */
const MIN_RUNS = 5;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: String(MIN_RUNS) },
    write: { type: 'boolean' },
    'no-build': { type: 'boolean' },
  },
});
const runCount = Number(args.runs);
if (!Number.isInteger(runCount) || runCount < 1) throw new Error(`--runs takes a whole number, got ${args.runs}`);
if (args.write && runCount < MIN_RUNS)
  throw new Error(
    `--write needs --runs ${MIN_RUNS} or more: BENCHMARKS.md states spreads over at least ${MIN_RUNS} runs`,
  );

const started = performance.now();
const step = (what: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}\n`);
};

const node = benchNode();
step(`measuring on Node ${node.version} (${node.why})`);
if (!args['no-build']) {
  step('npm run build');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const runs: RunResult[] = [];
for (let i = 1; i <= runCount; i++) {
  step(`run ${i}/${runCount}: CPU per call, loopback, cold start (fresh process)`);
  const out = execFileSync(node.path, ['--expose-gc', '--import', 'tsx', resolve(ROOT, 'scripts/bench/one-run.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  });
  runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as RunResult);
}
step('bundle and install size (deterministic: once)');
const size = await measureSize();
step(`heap over ${MEMORY_CALLS.toLocaleString('en-US')} calls (once)`);
const memory = measureMemory(MEMORY_CALLS, node.path);
step('per-attempt signal: listener or AbortSignal.any, setTimeout or AbortSignal.timeout (once)');
const signals = await measureSignals(node.path);
step('code lines, formatted (deterministic: once)');
const { files, total: lines } = await countLibrary();
const results: Results = { runs, size, memory, lines };
const seconds = (performance.now() - started) / 1000;

/** The commit measured, so the figures can be tied to the code they describe. */
function commit(): string {
  const git = (...a: string[]): string => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'generated', 'package.json').length ? ' plus uncommitted changes to src/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const us = (s: { median: number; min: number; max: number }): string =>
  `${s.median.toFixed(1)} µs (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const pct = (s: { median: number; min: number; max: number }): string =>
  `${s.median.toFixed(1)} % (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const notes = [
  `Machine: ${machine(node.version)}. Every column ran on Node ${node.version}: ${node.why}. Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${seconds.toFixed(0)} s, ${runCount} runs, on commit ${commit()}.`,
  `Runs: each run is a fresh process that measures CPU per call (${CPU_ROUNDS} rounds), loopback (${LOOPBACK_ROUNDS} rounds) and cold start (${COLD_RUNS} starts of each command). Within a run, every round visits the contenders in slices, each slice in a fresh random order and after an untimed young-generation GC, and a run's ratio is the median of its per-round ratios, measured side by side. Figures are medians over runs; each ratio gives its median and, in brackets, the lowest and highest run.`,
  "Fairness: all five get the same base URL, API key and stubbed `fetch` (CPU) or their own default `fetch`, i.e. Node's undici (loopback), and otherwise their defaults: openai-models and both official SDKs keep 2 retries and a 10-minute per-request timeout, raw fetch and openapi-fetch have neither. Every call ends with the JSON body parsed.",
  `Transport: a call through the client's transport (one attempt: an AbortController, a setTimeout cleared when the body has been read, a listener on the caller's signal; the body through its guarded stream, read with \`text()\`) costs ${us(over(runs, (r) => r.cpu.transportUs.retrieve))} of CPU over the same stub \`fetch\` and \`text()\` per retrieve, ${pct(over(runs, (r) => (100 * r.cpu.transportUs.retrieve) / r.cpu.us.retrieve[OURS]))} of an openai-models retrieve, and ${us(over(runs, (r) => r.cpu.transportUs.list))} per list of 100, ${pct(over(runs, (r) => (100 * r.cpu.transportUs.list) / r.cpu.us.list[OURS]))} of a list, measured side by side.`,
  `Strict mode: the built client with and without \`strictResponseValidation\` from the built \`openai-models/strict\`, over the same stub \`fetch\` (a model; a list of 1,000 models, 77 KB), interleaved as above (${CPU_ROUNDS} rounds a run); "added" is the median over runs of each run's median per-round difference. The bundles are the models-only program above and the same program importing \`strictResponseValidation\` and passing it to the client.`,
  `Loopback floor: raw fetch given an AbortSignal and a timer (what any client needs to cancel a stalled request) runs at ${ranged(over(runs, (r) => r.loopback.signalFloor))} plain raw fetch's sequential throughput, measured side by side.`,
  runs.some((r) => r.cold.ms['CLI --help'] === undefined)
    ? `CLI row: ${CLI_BIN.slice(ROOT.length + 1)} was not built.`
    : '',
].filter(Boolean);

const report = [
  figuresTable(results),
  '',
  ratioTable(results),
  '',
  strictTable(results),
  '',
  verdictList(verdicts(results)),
  '',
  signalsTable(signals),
  '',
  ...notes.map((n) => `- ${n}`),
].join('\n');
process.stdout.write(`${report}\n`);

// Against the block already in BENCHMARKS.md, before any --write replaces it.
const path = resolve(ROOT, 'BENCHMARKS.md');
const text = readFileSync(path, 'utf8');
const begin = '<!-- bench:begin -->';
const end = '<!-- bench:end -->';
const [head, rest] = [text.indexOf(begin), text.indexOf(end)];
if (head < 0 || rest < head) throw new Error(`${path} lacks the ${begin} ... ${end} markers`);
process.stdout.write(
  `\nCode lines per file, formatted (npm run lines; not written into BENCHMARKS.md):\n${fileList(files, lines)}\n`,
);
process.stdout.write(
  `\nRe-run against BENCHMARKS.md (not written into it):\n${reproduction(text.slice(head, rest), report)}\n`,
);
if (args.write) {
  writeFileSync(path, `${text.slice(0, head + begin.length)}\n${report}\n${text.slice(rest)}`);
  step('wrote BENCHMARKS.md');
}
step('done');
