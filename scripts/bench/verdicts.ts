/**
 * The guards, judged on the median over runs. A verdict whose runs fall on
 * both sides of its guard says so, so a MET that a re-run could turn into a
 * MISSED is visible as such. A missed guard is reported with its figure.
 */
import { OURS, type Name } from './contenders.js';
import { BUNDLE_LIMIT_BYTES, STRICT_LIMIT_BYTES } from './bundle.js';
import { added, int, kb, over, ranged, type Results } from './report.js';
import type { Spread } from './stats.js';
import { lineGuards } from '../count-lines.js';

export interface Verdict {
  target: string;
  met: boolean;
  /** Some runs met it and some did not. */
  split: boolean;
  measured: string;
}

/** A leak would retain something per call; 1 MB over 100,000 calls is 10 bytes a call, i.e. noise. */
const LEAK_BYTES = 2 ** 20;

/** Every spread must be at most `limit`; `format` writes one (a ratio unless told). */
export function judge(
  target: string,
  spreads: [string, Spread][],
  limit: number,
  format: (s: Spread) => string = ranged,
): Verdict {
  const ok = (x: number): boolean => x <= limit;
  return {
    target,
    met: spreads.every(([, s]) => ok(s.median)),
    split: spreads.some(([, s]) => ok(s.min) !== ok(s.max)),
    measured: spreads.map(([label, s]) => `${label} ${format(s)}`).join(', '),
  };
}

/** CPU per retrieve against bare openapi-fetch and against the official SDK 7.x. */
export const CPU_VS_OPENAPI_FETCH = 1.5;
export const CPU_VS_SDK_7 = 0.35;
/** What the import of the package may add to a start, in ms. */
export const IMPORT_MS = 15;
/** What strict mode may add per call (issue 29): µs per retrieve, ms per list of 1,000 models. */
export const STRICT_RETRIEVE_US = 5;
export const STRICT_LIST_MS = 1;

export function verdicts({ runs, size, memory, lines }: Results): Verdict[] {
  const retrieve = (other: Name): Spread => over(runs, (r) => r.cpu.ratio.retrieve[other]);
  const gzip = size.bundle[OURS].gzip;
  const importMs = over(runs, (r) => r.cold.importMs[OURS]!);
  const growth = memory.afterBytes - memory.beforeBytes;
  const strictBytes = size.strictBundle.gzip - gzip;
  return [
    judge(
      `CPU per retrieve ≤ ${CPU_VS_OPENAPI_FETCH}× bare openapi-fetch`,
      [['retrieve', retrieve('openapi-fetch')]],
      CPU_VS_OPENAPI_FETCH,
    ),
    judge(
      `CPU per retrieve ≤ ${CPU_VS_SDK_7}× the official SDK 7.x`,
      [['retrieve', retrieve('openai 7.x')]],
      CPU_VS_SDK_7,
    ),
    {
      target: `bundle ≤ 9.1 KB (${int(BUNDLE_LIMIT_BYTES)} bytes) min+gzip, openapi-fetch included`,
      met: gzip <= BUNDLE_LIMIT_BYTES,
      split: false,
      measured: `${int(gzip)} bytes (${kb(gzip)} KB; the same every run)`,
    },
    {
      target: `import() ≤ ${IMPORT_MS} ms over bare node (the import itself, timed inside a fresh process)`,
      met: importMs.median <= IMPORT_MS,
      split: importMs.min <= IMPORT_MS !== importMs.max <= IMPORT_MS,
      measured: `${importMs.median.toFixed(1)} ms (${importMs.min.toFixed(1)}–${importMs.max.toFixed(1)})`,
    },
    {
      target: `strict mode on adds ≤ 2 KB (${int(STRICT_LIMIT_BYTES)} bytes) min+gzip to the models-only program`,
      met: strictBytes <= STRICT_LIMIT_BYTES,
      split: false,
      measured: `+${int(strictBytes)} bytes (${int(gzip)} → ${int(size.strictBundle.gzip)}; the same every run)`,
    },
    judge(
      `strict mode adds ≤ ${STRICT_RETRIEVE_US} µs of CPU per retrieve`,
      [['retrieve', over(runs, (r) => r.cpu.strict.addedUs.retrieve)]],
      STRICT_RETRIEVE_US,
      (s) => added(s, 'µs', 1),
    ),
    judge(
      `strict mode adds ≤ ${STRICT_LIST_MS} ms of CPU per list of 1,000 models`,
      [['list of 1,000', over(runs, (r) => r.cpu.strict.addedUs.list1000 / 1000)]],
      STRICT_LIST_MS,
      (s) => added(s, 'ms', 3),
    ),
    ...lineGuards(lines).map((g) => ({ ...g, split: false })),
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
