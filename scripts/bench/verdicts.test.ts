import { describe, expect, it } from 'vitest';
import { ranged } from './report.js';
import { spread } from './stats.js';
import { judge, verdictList } from './verdicts.js';

// The bench's verdicts are judged on the median over runs, and must say when
// the runs fall on both sides of a target (issue 14: claims that a re-run
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
    const verdict = judge('CPU ≤ 1.15×', [['retrieve', spread([1.0, 1.1, 1.2, 1.05, 1.08])]], 1.15);
    expect(verdict).toMatchObject({ met: true, split: true });
    expect(verdictList([verdict])).toBe('- MET (not in every run): CPU ≤ 1.15×: retrieve 1.08× (1.00–1.20)');
  });

  it('misses when any measure misses on its median; a floor works the other way', () => {
    const floor = judge('throughput ≥ 0.95×', [['sequential', spread([0.96, 0.97, 0.99, 0.98, 0.96])], ['concurrent', spread([0.9, 0.91, 0.92, 0.93, 0.94])]], 0.95, true);
    expect(floor).toMatchObject({ met: false, split: false });
    expect(verdictList([floor])).toBe('- MISSED: throughput ≥ 0.95×: sequential 0.97× (0.96–0.99), concurrent 0.92× (0.90–0.94)');
  });
});
