import { describe, expect, it } from 'vitest';
import type { RunResult } from './one-run.js';
import { ranged, strictTable, type Results } from './report.js';
import { spread } from './stats.js';
import { judge, verdictList, verdicts } from './verdicts.js';

interface Run {
  vsFetch: number;
  vsSdk7: number;
  importMs: number;
  /** µs per call with strict mode off (the default), then on: a retrieve, a list of 1,000. */
  retrieveUs?: [number, number];
  listUs?: [number, number];
}

/** Results with only what the verdicts and the strict table read: each run's retrieve ratios, import time, strict costs. */
function results(runs: Run[], gzip: number, code = 800, strictGzip = gzip + 1_800): Results {
  const strict = ([off, on]: [number, number]) => ({ us: { default: off, strict: on }, added: on - off });
  return {
    runs: runs.map((r) => {
      const [retrieve, list] = [strict(r.retrieveUs ?? [30, 31]), strict(r.listUs ?? [700, 750])];
      return {
        cpu: {
          ratio: { retrieve: { 'openapi-fetch': r.vsFetch, 'openai 7.x': r.vsSdk7 } },
          strict: {
            us: { retrieve: retrieve.us, list1000: list.us },
            addedUs: { retrieve: retrieve.added, list1000: list.added },
          },
        },
        cold: { importMs: { 'openai-models': r.importMs } },
      } as unknown as RunResult;
    }),
    size: {
      bundle: { 'openai-models': { gzip, minified: 0 } },
      strictBundle: { gzip: strictGzip, minified: 0 },
    } as unknown as Results['size'],
    memory: { calls: 100_000, beforeBytes: 0, afterBytes: 1_000 },
    lines: { code, comments: 100 },
  };
}

// The bench's verdicts are judged on the median over runs, and must say when
// the runs fall on both sides of a guard (issue 14: claims that a re-run
// does not reproduce).
describe('bench verdicts over runs', () => {
  it('states the median and the min–max of every run', () => {
    expect(spread([1.1, 0.9, 1.0, 1.3, 0.8])).toEqual({ median: 1.0, min: 0.8, max: 1.3, runs: 5 });
  });

  it('keeps three decimals below 0.1, so a range of small ratios does not round to one value', () => {
    expect(ranged(spread([0.0931, 0.0944, 0.0938]))).toBe('0.094× (0.093–0.094)');
    expect(ranged(spread([0.81, 0.79, 0.91]))).toBe('0.81× (0.79–0.91)');
  });

  it('meets a ceiling on the median, and flags runs on both sides of it', () => {
    const verdict = judge('CPU ≤ 1.5×', [['retrieve', spread([1.2, 1.4, 1.6, 1.3, 1.35])]], 1.5);
    expect(verdict).toMatchObject({ met: true, split: true });
    expect(verdictList([verdict])).toBe('- MET (not in every run): CPU ≤ 1.5×: retrieve 1.35× (1.20–1.60)');
  });

  it('misses when any measure misses on its median', () => {
    const verdict = judge(
      'CPU ≤ 1.5×',
      [
        ['retrieve', spread([1.1, 1.2])],
        ['list', spread([1.6, 1.7, 1.8])],
      ],
      1.5,
    );
    expect(verdictList([verdict])).toBe('- MISSED: CPU ≤ 1.5×: retrieve 1.10× (1.10–1.20), list 1.70× (1.60–1.80)');
  });
});

describe('the guards', () => {
  const runs = [
    { vsFetch: 1.2, vsSdk7: 0.3, importMs: 7 },
    { vsFetch: 1.1, vsSdk7: 0.25, importMs: 6 },
    { vsFetch: 1.3, vsSdk7: 0.28, importMs: 9 },
  ];

  it('checks CPU per retrieve against openapi-fetch and SDK 7, the 9.1 KB bundle, import, code lines and a leak', () => {
    expect(verdictList(verdicts(results(runs, 9_318)))).toBe(
      [
        '- MET: CPU per retrieve ≤ 1.5× bare openapi-fetch: retrieve 1.20× (1.10–1.30)',
        '- MET: CPU per retrieve ≤ 0.35× the official SDK 7.x: retrieve 0.28× (0.25–0.30)',
        '- MET: bundle ≤ 9.1 KB (9,318 bytes) min+gzip, openapi-fetch included: 9,318 bytes (9.10 KB; the same every run)',
        '- MET: import() ≤ 15 ms over bare node (the import itself, timed inside a fresh process): 7.0 ms (6.0–9.0)',
        '- MET: strict mode on adds ≤ 2 KB (2,048 bytes) min+gzip to the models-only program: +1,800 bytes (9,318 → 11,118; the same every run)',
        '- MET: strict mode adds ≤ 5 µs of CPU per retrieve: retrieve +1.0 µs (1.0–1.0)',
        '- MET: strict mode adds ≤ 1 ms of CPU per list of 1,000 models: list of 1,000 +0.050 ms (0.050–0.050)',
        '- MET: code lines ≤ 830: 800',
        '- MET: comment lines ≤ 0.25 per code line: 0.13 (100 comment lines)',
        '- MET: no leak: retained heap flat over 100,000 calls: +1.0 KB (one run)',
      ].join('\n'),
    );
  });

  it('reports a missed guard with its figure', () => {
    const slow = runs.map((r, i) => ({
      ...r,
      vsFetch: r.vsFetch + 0.4,
      vsSdk7: r.vsSdk7 + 0.12,
      retrieveUs: [30, 34 + 2 * i] as [number, number],
      listUs: [700, 1_650 + 100 * i] as [number, number],
    }));
    const missed = verdicts(results(slow, 9_319, 1_010, 9_319 + 2_049)).filter((v) => !v.met);
    expect(verdictList(missed)).toBe(
      [
        '- MISSED (not in every run): CPU per retrieve ≤ 1.5× bare openapi-fetch: retrieve 1.60× (1.50–1.70)',
        '- MISSED: CPU per retrieve ≤ 0.35× the official SDK 7.x: retrieve 0.40× (0.37–0.42)',
        '- MISSED: bundle ≤ 9.1 KB (9,318 bytes) min+gzip, openapi-fetch included: 9,319 bytes (9.10 KB; the same every run)',
        '- MISSED: strict mode on adds ≤ 2 KB (2,048 bytes) min+gzip to the models-only program: +2,049 bytes (9,319 → 11,368; the same every run)',
        '- MISSED (not in every run): strict mode adds ≤ 5 µs of CPU per retrieve: retrieve +6.0 µs (4.0–8.0)',
        '- MISSED (not in every run): strict mode adds ≤ 1 ms of CPU per list of 1,000 models: list of 1,000 +1.050 ms (0.950–1.150)',
        '- MISSED: code lines ≤ 830: 1,010',
      ].join('\n'),
    );
  });
});

describe('strict mode, side by side with the default', () => {
  it('prints both bundles with the bytes added, and both CPU costs with what strict mode adds over runs', () => {
    const runs = [
      { vsFetch: 1, vsSdk7: 0.3, importMs: 5, retrieveUs: [30, 31.5], listUs: [700, 760] },
      { vsFetch: 1, vsSdk7: 0.3, importMs: 5, retrieveUs: [32, 33], listUs: [720, 770] },
      { vsFetch: 1, vsSdk7: 0.3, importMs: 5, retrieveUs: [31, 33], listUs: [710, 790] },
    ] satisfies Run[];
    expect(strictTable(results(runs, 9_094, 800, 10_899))).toBe(
      [
        '| openai-models, strict mode (median of 3 runs) | default | strict on | added by strict mode |',
        '| --- | --- | --- | --- |',
        '| bundle of a models-only program, min+gzip (bytes) | 9,094 (8.88 KB) | 10,899 (10.64 KB) | +1,805 B (exact) |',
        '| CPU per retrieve (µs) | 31.0 | 33.0 | +1.5 µs (1.0–2.0) |',
        '| CPU per list of 1,000 models (ms) | 0.710 | 0.770 | +0.060 ms (0.050–0.080) |',
      ].join('\n'),
    );
  });
});
