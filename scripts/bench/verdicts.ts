/**
 * The targets of issue 6, judged on the median over runs. A verdict whose
 * runs fall on both sides of the target says so, so a MET that a re-run
 * could turn into a MISSED is visible as such.
 */
import { OURS, type Name } from './contenders.js';
import { BUNDLE_BUDGET_BYTES } from './bundle.js';
import { kb, over, ranged, times, type Results } from './report.js';
import type { Spread } from './stats.js';

export interface Verdict {
  target: string;
  met: boolean;
  /** Some runs met it and some did not. */
  split: boolean;
  measured: string;
}

/** A leak would retain something per call; 1 MB over 100,000 calls is 10 bytes a call, i.e. noise. */
const LEAK_BYTES = 2 ** 20;

/** Every spread must be at most `limit` (or at least, with `atLeast`). */
export function judge(target: string, spreads: [string, Spread][], limit: number, atLeast = false): Verdict {
  const ok = (x: number): boolean => (atLeast ? x >= limit : x <= limit);
  return {
    target,
    met: spreads.every(([, s]) => ok(s.median)),
    split: spreads.some(([, s]) => ok(s.min) !== ok(s.max)),
    measured: spreads.map(([label, s]) => `${label} ${ranged(s)}`).join(', '),
  };
}

export function verdicts({ runs, size, memory }: Results): Verdict[] {
  const cpu = (scenario: 'retrieve' | 'list', other: Name): Spread => over(runs, (r) => r.cpu.ratio[scenario][other]);
  const raw = 'raw fetch' satisfies Name;
  const gzip = size.bundle[OURS].gzip;
  const importMs = over(runs, (r) => r.cold.importMs[OURS]!);
  const growth = memory.afterBytes - memory.beforeBytes;
  return [
    judge('CPU per call ≤ 1.15× bare openapi-fetch', [['retrieve', cpu('retrieve', 'openapi-fetch')], ['list', cpu('list', 'openapi-fetch')]], 1.15),
    judge('CPU per call ≤ 0.5× the official SDK', [
      ['retrieve vs 6.x', cpu('retrieve', 'openai 6.x')], ['list vs 6.x', cpu('list', 'openai 6.x')],
      ['retrieve vs 7.x', cpu('retrieve', 'openai 7.x')], ['list vs 7.x', cpu('list', 'openai 7.x')],
    ], 0.5),
    judge('loopback throughput within 5% of raw fetch', [
      ['sequential', over(runs, (r) => r.loopback.sequential.throughputRatio[raw])],
      ['concurrent', over(runs, (r) => r.loopback.concurrent.throughputRatio[raw])],
    ], 0.95, true),
    judge('loopback p50 latency within 5% of raw fetch', [
      ['sequential', over(runs, (r) => r.loopback.sequential.p50[OURS] / r.loopback.sequential.p50[raw])],
      ['concurrent', over(runs, (r) => r.loopback.concurrent.p50[OURS] / r.loopback.concurrent.p50[raw])],
    ], 1.05),
    {
      target: `bundle ≤ ${kb(BUNDLE_BUDGET_BYTES, 0)} KB min+gzip, openapi-fetch included`,
      met: gzip <= BUNDLE_BUDGET_BYTES,
      split: false,
      measured: `${kb(gzip)} KB (${times(gzip / BUNDLE_BUDGET_BYTES)} the budget; the same every run)`,
    },
    {
      target: 'import() ≤ 15 ms over bare node (the import itself, timed inside a fresh process)',
      met: importMs.median <= 15,
      split: importMs.min <= 15 !== importMs.max <= 15,
      measured: `${importMs.median.toFixed(1)} ms (${importMs.min.toFixed(1)}–${importMs.max.toFixed(1)})`,
    },
    {
      target: `no leak: retained heap flat over ${memory.calls.toLocaleString('en-US')} calls`,
      met: growth < LEAK_BYTES,
      split: false,
      measured: `${growth >= 0 ? '+' : ''}${kb(growth, 1)} KB (one run)`,
    },
  ];
}

export function verdictList(list: Verdict[]): string {
  return list
    .map((v) => `- ${v.met ? 'MET' : 'MISSED'}${v.split ? ' (not in every run)' : ''}: ${v.target}: ${v.measured}`)
    .join('\n');
}
