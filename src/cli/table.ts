/**
 * `--format table`: aligned columns for people. Cells come from the JSON
 * values through `display`, so a compatible server that leaves a field out
 * shows `-` rather than failing.
 */
import { oneLine } from './sanitize.js';

export interface Column {
  header: string;
  cell(row: Record<string, unknown>): string;
}

/**
 * Rows under a header, each column as wide as its widest cell, two spaces
 * apart; no trailing blanks. Widths are the columns a terminal gives the
 * text (string-width): two for a CJK character or an emoji, none for a
 * combining accent. A cell never breaks the table nor reaches the terminal
 * raw: it goes through `oneLine` (sanitize.ts).
 */
export async function table(
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
  bold: (text: string) => string,
): Promise<string> {
  // Loaded for the first table only: string-width's start (Intl.Segmenter, its emoji pattern) would cost every other run ~35 ms of CPU.
  const { default: stringWidth } = await import('string-width');
  const cells = rows.map((row) => columns.map((column) => oneLine(column.cell(row))));
  const widths = columns.map((column, i) =>
    // Stryker disable next-line StringLiteral: every line has one cell per column, so the fallback is never used
    Math.max(stringWidth(column.header), ...cells.map((line) => stringWidth(line[i] ?? ''))),
  );
  // Each cell padded to its column's width; `trimEnd` drops the last column's padding.
  const format = (line: readonly string[]): string =>
    line
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell)))
      .join('  ')
      .trimEnd();
  return [bold(format(columns.map((column) => column.header))), ...cells.map(format)]
    .map((line) => `${line}\n`)
    .join('');
}

/** A JSON value as a cell: strings as they are, nothing as `-`, anything else as JSON. */
export function display(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Unix seconds as a UTC date (`2024-07-16`); anything else as it is. */
export function date(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return display(value);
  const time = new Date(value * 1000);
  return Number.isNaN(time.getTime()) ? display(value) : time.toISOString().slice(0, 10);
}

/** The columns of a model: id, created (as a date), owner. */
export const MODEL_COLUMNS: readonly Column[] = [
  { header: 'ID', cell: (model) => display(model['id']) },
  { header: 'CREATED', cell: (model) => date(model['created']) },
  { header: 'OWNED BY', cell: (model) => display(model['owned_by']) },
];

/** The columns of a deletion's answer. */
export const DELETED_COLUMNS: readonly Column[] = [
  { header: 'ID', cell: (answer) => display(answer['id']) },
  { header: 'DELETED', cell: (answer) => display(answer['deleted']) },
];
