/**
 * A small YAML emitter for JSON values: enough for API answers, and a
 * dependency less in the published package. Strings that could read as
 * anything but themselves (numbers, booleans, null, leading indicators,
 * `: ` or ` #` inside, leading or trailing blanks...) are written as JSON
 * strings, which YAML 1.2 reads as double-quoted scalars; everything else is
 * written plain. `yaml.test.ts` parses the output back with the `yaml`
 * package for arbitrary values.
 */

/** `value` as a YAML document, ending with a newline. */
export function toYAML(value: unknown): string {
  return `${lines(value, '').join('\n')}\n`;
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item) => item_(item, indent));
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([key, item]) => entry(key, item, indent));
  }
  return [`${indent}${scalar(value)}`];
}

/** One `key: value` of a mapping; collections go on the lines below. */
function entry(key: string, value: unknown, indent: string): string[] {
  const head = `${indent}${string(key)}:`;
  if (isCollection(value)) return [head, ...lines(value, `${indent}  `)];
  return [`${head} ${scalar(value)}`];
}

/** One `- value` of a sequence; a collection starts on the dash's line. */
function item_(value: unknown, indent: string): string[] {
  return lines(value, `${indent}  `).map((line, i) => (i === 0 ? `${indent}- ${line.slice(indent.length + 2)}` : line));
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string') return string(value);
  if (Array.isArray(value)) return '[]';
  return '{}';
}

/**
 * Plain when it cannot be mistaken: starts with a letter, digit, `_`, `.` or
 * `/`, holds only "safe" characters, has no `: `, and reads as no other type.
 */
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*(?: [A-Za-z0-9_./:@+()-]+)*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE = /^[-+.]?(?:\d|\.inf|\.nan)|^0[box]/i;

function string(text: string): string {
  const plain = PLAIN.test(text) && !RESERVED.test(text) && !NUMBER_LIKE.test(text) && !/:( |$)/.test(text);
  return plain ? text : quote(text);
}

/** A JSON string with the characters YAML forbids unescaped (C1 controls, BOM, line/paragraph separators) escaped too. */
function quote(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCollection(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : isRecord(value) && Object.keys(value).length > 0;
}
