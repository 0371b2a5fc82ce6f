/**
 * Does a re-run reproduce BENCHMARKS.md? Reads the ratio table of the block
 * already in the file and of the new report, and checks each new median
 * against the committed range (issue 14: "reproduces within it on a re-run").
 * Exact ratios (sizes) must match exactly.
 */
import { ranged, times } from './report.js';

interface Cell {
  median: number;
  min: number;
  max: number;
  exact: boolean;
}

/** `row ÷ column` → cell, from every `0.85× (0.82–0.88)` or `2.73× (exact)` cell of a Markdown report. */
export function ratioCells(markdown: string): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  let header: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const row = line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.trim());
    if (row[0]?.startsWith('openai-models ÷')) header = row;
    if (!header.length || row[0] === '---') continue;
    row.slice(1).forEach((text, i) => {
      const ranged = /^([\d.]+)× \((-?[\d.]+)–(-?[\d.]+)\)$/.exec(text);
      const exact = /^([\d.]+)× \(exact\)$/.exec(text);
      const key = `${row[0]} ÷ ${header[i + 1]}`;
      if (ranged)
        cells.set(key, { median: Number(ranged[1]), min: Number(ranged[2]), max: Number(ranged[3]), exact: false });
      else if (exact)
        cells.set(key, { median: Number(exact[1]), min: Number(exact[1]), max: Number(exact[1]), exact: true });
    });
  }
  return cells;
}

/** One line per ratio the committed block and the re-run share, then a count. */
export function reproduction(committed: string, rerun: string): string {
  const before = ratioCells(committed);
  const after = ratioCells(rerun);
  const lines: string[] = [];
  let held = 0;
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) continue;
    const ok = now.median >= old.min && now.median <= old.max;
    held += ok ? 1 : 0;
    const was = old.exact ? `${times(old.median)} (exact)` : ranged(old);
    lines.push(`- ${ok ? 'reproduced' : 'NOT reproduced'}: ${key}: committed ${was}, re-run ${times(now.median)}`);
  }
  return [
    ...lines,
    `${held} of ${lines.length} ratios of BENCHMARKS.md reproduced (re-run median within the committed min–max).`,
  ].join('\n');
}
