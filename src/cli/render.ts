import { MAX_DEPTH } from '../internal/json.js';
import type { Format } from './options.js';
import { oneLine } from './sanitize.js';
import { DELETED_COLUMNS, MODEL_COLUMNS, table, type Column } from './table.js';
import { toYAML } from './yaml.js';

/** What a command got back: the parsed JSON of the answer and what it is. */
export type Result =
  | { kind: 'list'; body: { data: readonly object[] } }
  | { kind: 'model'; body: object }
  | { kind: 'deleted'; body: object };

/**
 * The answer in `format`, ending with a newline. `json` is the API's JSON,
 * pretty-printed; `jsonl` one compact line per model of a list (one line in
 * all for one object); `yaml` the same document as YAML; `table` columns.
 */
export async function render(result: Result, format: Format, bold: (text: string) => string): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result.body, null, 2)}\n`;
    case 'jsonl':
      return items(result)
        .map((item) => `${JSON.stringify(item)}\n`)
        .join('');
    case 'yaml':
      return toYAML(result.body);
    case 'table': {
      const columns: readonly Column[] = result.kind === 'deleted' ? DELETED_COLUMNS : MODEL_COLUMNS;
      return table(columns, items(result).map(asRecord), bold);
    }
  }
}

/**
 * `--field <path>`: the value at a dotted path (`id`, `owned_by`, or deeper,
 * e.g. `permission.0.id` on servers that nest) of each model of a list, or of
 * the one object; one line each (sanitize.ts `oneLine`: a newline or an
 * escape sequence from a server stays inert), strings bare, other values as
 * JSON, a missing value as an empty line so lines keep matching models. Undefined
 * when no item has the field at all: surely a typo, which the caller reports.
 */
export function pickField(result: Result, path: string): string | undefined {
  const values = items(result).map((item) => at(item, path.split('.')));
  if (values.length > 0 && values.every((value) => value === undefined)) return undefined;
  return values
    .map(
      (value) => `${value === undefined ? '' : oneLine(typeof value === 'string' ? value : JSON.stringify(value))}\n`,
    )
    .join('');
}

/**
 * How deep an answer may nest and still be printed in `format`. JSON.parse
 * reads any depth, but JSON.stringify gives up some 4,000 levels down on
 * Node 20-24 (10 KB of `[[[[` is that deep), and from Node 26 on a
 * pretty-printed `--format json` grows with the square of the depth. The
 * `yaml` package recurses a few calls a level: objects in objects run out of
 * stack some 720 levels down on Node 20, so YAML stops at 500. No answer of
 * this API nests more than four; jq stops at 10,000, Python's json at about
 * 1,000.
 */
export function maxDepth(format: Format): number {
  return format === 'yaml' ? 500 : MAX_DEPTH;
}

/** The names a `--field` could take, for the message about a missing one. */
export function fieldNames(result: Result): string[] {
  return [...new Set(items(result).flatMap((item) => Object.keys(item)))];
}

function items(result: Result): readonly object[] {
  return result.kind === 'list' ? result.body.data : [result.body];
}

function at(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = Object.getOwnPropertyDescriptor(node, key)?.value;
  }
  return node;
}

function asRecord(item: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item));
}
