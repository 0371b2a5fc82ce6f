/**
 * `--format yaml`: the answer written by the `yaml` package, with these
 * choices of ours:
 *
 * - Strings that a YAML 1.1 reader (PyYAML, Go's yaml.v2...) would take for
 *   something else (`no`, `on`, `0x1F`, `2024-07-16`...) are quoted, as well
 *   as those YAML 1.2 would: every reader gets the API's strings back.
 * - A string that needs quotes is a JSON string (YAML reads it as a
 *   double-quoted scalar), line breaks included: no single quotes, no block
 *   scalars, which the library gets wrong for a line of blanks (` \n` would
 *   read back as `\n`), and no folding of long lines, so an id stays whole
 *   on its line, for grep.
 * - A string holding a control or invisible character is such a JSON string
 *   too, each such character a `\u` escape. The library escapes C0 itself,
 *   but leaves DEL, C1 (CSI is 0x9b), the line and paragraph separators and
 *   the BOM raw: YAML forbids some of them, a reader may take others for a
 *   line break, a terminal may obey them. Every other character is the
 *   API's data and passes as it is, as in `--format json` (sanitize.ts is
 *   for what a person reads).
 */
import { Document, Scalar, visit } from 'yaml';

/** C0 controls but tab and newline, DEL, C1, U+2028, U+2029, the BOM, U+FFFE, U+FFFF. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Those of them that JSON.stringify leaves raw. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** `value`, a JSON value, as a YAML document ending with a newline. */
export function toYAML(value: unknown): string {
  const doc = new Document(value, { compat: 'yaml-1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const text = doc.toString({ lineWidth: 0, blockQuote: false, singleQuote: false, doubleQuotedAsJSON: true });
  // Only the strings made double-quoted above hold those characters, and as JSON strings, where a `\u` escape reads back the same.
  return text.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
