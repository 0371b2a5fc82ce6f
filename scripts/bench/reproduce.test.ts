import { describe, expect, it } from 'vitest';
import { ratioCells, reproduction } from './reproduce.js';

const table = (retrieve: string, bundle: string): string =>
  [
    '| openai-models ÷ … (median, min–max of 5 runs) | raw fetch | openapi-fetch |',
    '| --- | --- | --- |',
    `| CPU per call, retrieve | ${retrieve} | 0.81× (0.79–0.91) |`,
    `| bundle, min+gzip | — | ${bundle} |`,
  ].join('\n');

describe('re-run against the committed BENCHMARKS.md block', () => {
  it('reads every ratio cell of the ratio table, ranged or exact', () => {
    expect([...ratioCells(table('1.45× (1.41–1.62)', '2.73× (exact)'))]).toEqual([
      ['CPU per call, retrieve ÷ raw fetch', { median: 1.45, min: 1.41, max: 1.62, exact: false }],
      ['CPU per call, retrieve ÷ openapi-fetch', { median: 0.81, min: 0.79, max: 0.91, exact: false }],
      ['bundle, min+gzip ÷ openapi-fetch', { median: 2.73, min: 2.73, max: 2.73, exact: true }],
    ]);
  });

  it('says which re-run medians fall outside the committed range, and counts', () => {
    const committed = table('1.45× (1.41–1.62)', '2.73× (exact)');
    const rerun = table('1.70× (1.50–1.80)', '2.74× (exact)');
    expect(reproduction(committed, rerun).split('\n')).toEqual([
      '- NOT reproduced: CPU per call, retrieve ÷ raw fetch: committed 1.45× (1.41–1.62), re-run 1.70×',
      '- reproduced: CPU per call, retrieve ÷ openapi-fetch: committed 0.81× (0.79–0.91), re-run 0.81×',
      '- NOT reproduced: bundle, min+gzip ÷ openapi-fetch: committed 2.73× (exact), re-run 2.74×',
      '1 of 3 ratios of BENCHMARKS.md reproduced (re-run median within the committed min–max).',
    ]);
  });
});
