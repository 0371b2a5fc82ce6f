/**
 * Turns the runs into two Markdown tables: the figures of every contender
 * (medians over runs), and every ratio of openai-models to the others with
 * its median and min–max over runs, so a re-run can be checked against it.
 */
import { availableParallelism, cpus, release } from 'node:os';
import { readFileSync } from 'node:fs';
import { NAMES, OURS, type Name } from './contenders.js';
import type { Count } from '../count-lines.js';
import type { MemoryResult } from './memory.js';
import type { RunResult } from './one-run.js';
import type { StrictScenario } from './cpu.js';
import type { SizeName, SizeResult } from './size.js';
import { median, spread, type Spread } from './stats.js';

export interface Results {
  runs: RunResult[];
  size: SizeResult;
  memory: MemoryResult;
  /** The library's code and comment lines, formatted (scripts/count-lines.ts). */
  lines: Count;
}

const NA = '—';
const num = (n: number | undefined, digits = 1): string =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : NA;
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const kb = (bytes: number, digits = 2): string => (bytes / 1024).toFixed(digits);
/** Two decimals, three below 0.1: a range of 0.09–0.09 hid a re-run's 0.095 that printed as 0.10. */
const fixed = (r: number): string => r.toFixed(Math.abs(r) < 0.1 ? 3 : 2);
export const times = (r: number): string => `${fixed(r)}×`;
/** `0.85× (0.82–0.88)`: the median over runs and the range of the runs. */
export const ranged = (s: Pick<Spread, 'median' | 'min' | 'max'>): string =>
  `${times(s.median)} (${fixed(s.min)}–${fixed(s.max)})`;

/** `+1.3 µs (0.9–2.0)`: an amount added, its median over runs and the range of the runs. */
export const added = (s: Pick<Spread, 'median' | 'min' | 'max'>, unit: string, digits: number): string =>
  `${s.median >= 0 ? '+' : ''}${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/** The spread over runs of a figure picked from each run. */
export const over = (runs: RunResult[], pick: (run: RunResult) => number): Spread => spread(runs.map(pick));

type Loop = 'sequential' | 'concurrent';
const LOOPS: [Loop, string][] = [
  ['sequential', 'sequential'],
  ['concurrent', '64 concurrent'],
];
const CPU_ROWS = [
  ['retrieve', 'CPU per call, retrieve (µs)'],
  ['list', 'CPU per call, list of 100 (µs)'],
] as const;
const OTHERS = NAMES.filter((n) => n !== OURS);

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const markdown = (header: string[], rows: string[][]): string =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

/** Absolute figures, each the median over runs of that run's figure. */
export function figuresTable({ runs, size, memory, lines }: Results): string {
  const by = (pick: (run: RunResult, name: Name) => number | undefined, fmt: (n: number) => string): string[] =>
    NAMES.map((name) => {
      const values = runs.map((run) => pick(run, name)).filter((v): v is number => v !== undefined);
      return values.length ? fmt(median(values)) : NA;
    });
  const sized = (pick: (name: SizeName) => string): string[] => NAMES.map((n) => (n === 'raw fetch' ? NA : pick(n)));
  const oursOnly = (text: string): string[] => NAMES.map((n) => (n === OURS ? text : NA));
  const rows: string[][] = [];
  for (const [scenario, label] of CPU_ROWS)
    rows.push([
      label,
      ...by(
        (r, n) => r.cpu.us[scenario][n],
        (v) => num(v),
      ),
    ]);
  for (const [loop, what] of LOOPS) {
    rows.push([`loopback ${what}: calls/s`, ...by((r, n) => r.loopback[loop].perSecond[n], int)]);
    rows.push([`loopback ${what}: p50 latency (µs)`, ...by((r, n) => r.loopback[loop].p50[n], int)]);
    rows.push([`loopback ${what}: p99 latency (µs)`, ...by((r, n) => r.loopback[loop].p99[n], int)]);
  }
  rows.push(['bundle of a models-only program, min+gzip (KB)', ...sized((n) => kb(size.bundle[n].gzip))]);
  rows.push(['same bundle, minified only (KB)', ...sized((n) => kb(size.bundle[n].minified))]);
  rows.push(['install size, unpacked, with runtime deps (KB)', ...sized((n) => kb(size.install[n], 0))]);
  const bare = median(runs.map((r) => r.cold.ms['node -e 0']!));
  rows.push([
    'import() itself, wall (ms)',
    ...by(
      (r, n) => (n === 'raw fetch' ? undefined : r.cold.importMs[n]),
      (v) => num(v),
    ),
  ]);
  rows.push([
    'import() itself, CPU (ms)',
    ...by(
      (r, n) => (n === 'raw fetch' ? undefined : r.cold.importCpuMs[n]),
      (v) => num(v),
    ),
  ]);
  // The whole start, not a difference: on a busy machine the difference of
  // two starts of 100+ ms each came out below zero.
  const cli = runs.map((r) => r.cold.ms['CLI --help']).filter((v): v is number => v !== undefined);
  rows.push([
    `CLI \`openai-models models list --help\`, whole start (ms; bare \`node -e 0\` = ${num(bare, 0)} ms)`,
    ...oursOnly(cli.length ? num(median(cli)) : 'not built'),
  ]);
  rows.push([
    'code lines of the library, formatted (comment lines per code line)',
    ...oursOnly(`${int(lines.code)} (${(lines.comments / lines.code).toFixed(2)})`),
  ]);
  const growth = memory.afterBytes - memory.beforeBytes;
  rows.push([
    `heap retained after GC, before → after ${int(memory.calls)} calls (MB)`,
    ...oursOnly(
      `${(memory.beforeBytes / 2 ** 20).toFixed(2)} → ${(memory.afterBytes / 2 ** 20).toFixed(2)} (${growth >= 0 ? '+' : ''}${kb(growth, 1)} KB)`,
    ),
  ]);
  return markdown([`measure (median of ${runs.length} runs)`, ...NAMES], rows);
}

/** openai-models ÷ each other contender: the median over runs and its min–max. */
export function ratioTable({ runs, size }: Results): string {
  const each = (pick: (run: RunResult, other: Name) => number | undefined): string[] =>
    OTHERS.map((other) => (pick(runs[0]!, other) === undefined ? NA : ranged(over(runs, (r) => pick(r, other)!))));
  const exact = (bytes: Record<SizeName, number>): string[] =>
    OTHERS.map((o) => (o === 'raw fetch' ? NA : `${times(bytes[OURS] / bytes[o])} (exact)`));
  const rows: string[][] = [];
  for (const [scenario, label] of CPU_ROWS)
    rows.push([label.replace(/ \(µs\)$/, ''), ...each((r, o) => r.cpu.ratio[scenario][o])]);
  for (const [loop, what] of LOOPS) {
    rows.push([`loopback ${what}: throughput`, ...each((r, o) => r.loopback[loop].throughputRatio[o])]);
    for (const p of ['p50', 'p99'] as const) {
      rows.push([
        `loopback ${what}: ${p} latency`,
        ...each((r, o) => r.loopback[loop][p][OURS] / r.loopback[loop][p][o]),
      ]);
    }
  }
  rows.push([
    'bundle, min+gzip',
    ...exact(Object.fromEntries(Object.entries(size.bundle).map(([n, b]) => [n, b.gzip])) as Record<SizeName, number>),
  ]);
  rows.push(['install size', ...exact(size.install)]);
  rows.push([
    'import() itself, wall',
    ...each((r, o) => (o === 'raw fetch' ? undefined : r.cold.importMs[OURS]! / r.cold.importMs[o]!)),
  ]);
  rows.push([
    'import() itself, CPU',
    ...each((r, o) => (o === 'raw fetch' ? undefined : r.cold.importCpuMs[OURS]! / r.cold.importCpuMs[o]!)),
  ]);
  return markdown([`openai-models ÷ … (median, min–max of ${runs.length} runs)`, ...OTHERS], rows);
}

/**
 * openai-models with strict mode off (the default) and on, side by side: the models-only bundle (exact)
 * and the CPU of a retrieve and of a list of 1,000 models, each added cost the median over runs of a
 * difference measured within one run.
 */
export function strictTable({ runs, size }: Results): string {
  const [off, on] = [size.bundle[OURS].gzip, size.strictBundle.gzip];
  const bytes = (n: number): string => `${int(n)} (${kb(n)} KB)`;
  const cpu = (scenario: StrictScenario, unit: string, scale: number, digits: number): string[] => [
    num(median(runs.map((r) => r.cpu.strict.us[scenario].default / scale)), digits),
    num(median(runs.map((r) => r.cpu.strict.us[scenario].strict / scale)), digits),
    added(
      over(runs, (r) => r.cpu.strict.addedUs[scenario] / scale),
      unit,
      digits,
    ),
  ];
  return markdown(
    [`openai-models, strict mode (median of ${runs.length} runs)`, 'default', 'strict on', 'added by strict mode'],
    [
      ['bundle of a models-only program, min+gzip (bytes)', bytes(off), bytes(on), `+${int(on - off)} B (exact)`],
      ['CPU per retrieve (µs)', ...cpu('retrieve', 'µs', 1, 1)],
      ['CPU per list of 1,000 models (ms)', ...cpu('list1000', 'ms', 1000, 3)],
    ],
  );
}

export function machine(nodeVersion: string): string {
  const model = /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return `Node ${nodeVersion}, ${model}, ${availableParallelism()} cores, Linux ${release()}`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
