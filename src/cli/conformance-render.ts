/**
 * A conformance report in each format: `table` for people, `json` for
 * programs (src/cli/conformance.schema.json, version 1), `markdown` to paste
 * into a README or an issue. No time or date unless `date` is given, so
 * two runs against the same server print the same bytes.
 */
import type { Check, Report, Verdict } from './conformance.js';
import { oneLine } from './sanitize.js';
import { table, type Column } from './table.js';

export const CONFORMANCE_FORMATS = ['table', 'json', 'markdown'] as const;
export type ConformanceFormat = (typeof CONFORMANCE_FORMATS)[number];

/** The version of the JSON document; raised on any change a reader could trip on. */
export const SCHEMA_VERSION = 1;
export const SCHEMA_URL = 'https://github.com/openai-models/openai-models/blob/main/src/cli/conformance.schema.json';

const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'n/a'];

export interface Rendering {
  /** `YYYY-MM-DD`, only when asked for (`--date`). */
  date?: string | undefined;
  bold(text: string): string;
}

export async function renderReport(report: Report, format: ConformanceFormat, options: Rendering): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(document(report, options.date), null, 2)}\n`;
    case 'markdown':
      return markdown(report, options.date);
    case 'table':
      return `${heading(report, options.date)}\n\n${await table(COLUMNS, report.checks.map(cells), options.bold)}\n${summary(report)}\n`;
  }
}

/**
 * The JSON document: the report with its schema, version and counts; `date`
 * only when given (JSON.stringify leaves out an undefined one).
 */
export function document(report: Report, date?: string) {
  return {
    $schema: SCHEMA_URL,
    version: SCHEMA_VERSION,
    spec: report.spec,
    baseURL: report.baseURL,
    date,
    summary: counts(report),
    checks: report.checks,
  };
}

const COLUMNS: readonly Column[] = ['VERDICT', 'OPERATION', 'REQUEST', 'SPEC PROMISES', 'GOT', 'WHY'].map((header) => ({
  header,
  cell: (row) => String(row[header]),
}));

function cells(check: Check): Record<string, string> {
  return {
    VERDICT: check.verdict,
    OPERATION: check.operation,
    REQUEST: check.request,
    'SPEC PROMISES': check.promise,
    GOT: got(check),
    WHY: check.why,
  };
}

/** The status, then the first place at fault and its value: `200 body.data[0].created = (missing)`. */
export function got(check: Check): string {
  const status = check.status === null ? '-' : String(check.status);
  const [fault] = check.faults;
  if (fault === undefined) return status;
  const count = fault.count > 1 ? ` (${fault.count} places)` : '';
  return `${status} ${fault.path} = ${fault.value ?? '(missing)'}${count}`;
}

function heading(report: Report, date: string | undefined): string {
  const when = date === undefined ? '' : ` on ${date}`;
  return oneLine(`Conformance of ${report.baseURL} to ${report.spec.title} ${report.spec.version}${when}`);
}

function summary(report: Report): string {
  const count = counts(report);
  return `${report.checks.length} checks: ${VERDICTS.map((verdict) => `${count[verdict]} ${verdict}`).join(', ')}`;
}

function counts(report: Report): Record<Verdict, number> {
  const count = { pass: 0, warn: 0, fail: 0, 'n/a': 0 };
  for (const check of report.checks) count[check.verdict]++;
  return count;
}

function markdown(report: Report, date: string | undefined): string {
  // GFM's pipe table without the outer pipes (they are optional), so that only the docs' own tables start with `|`.
  const row = (values: readonly string[]): string => values.join(' | ');
  const lines = [
    `**${escape(heading(report, date))}**`,
    '',
    row(['Verdict', 'Operation', 'Request', 'Spec promises', 'Got', 'Why']),
    row(['---', '---', '---', '---', '---', '---']),
    ...report.checks.map((check) =>
      row(
        [
          check.verdict === 'fail' ? '**fail**' : check.verdict,
          check.operation,
          check.request,
          check.promise,
          got(check),
          check.why,
        ].map((cell, i) => (i === 0 ? cell : escape(oneLine(cell)))),
      ),
    ),
    '',
    escape(summary(report)),
  ];
  return `${lines.join('\n')}\n`;
}

/** Markdown's punctuation as literal text, so a server's strings cannot add links, code or columns. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}
