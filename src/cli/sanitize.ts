/**
 * What came from a server is made inert before it reaches a terminal (issue
 * 13). A model id, an error message or a request id holding ESC, BEL or the
 * one-byte CSI (0x9b) could otherwise retitle the window, clear the screen,
 * recolour what follows or worse. Modelled on GitHub CLI's
 * go-gh/pkg/asciisanitizer: each control character becomes a visible,
 * harmless escape, and every other character is left alone.
 *
 * - C0 controls (U+0000-U+001F) but tab and newline, in caret notation, as
 *   terminals and `cat -v` show them: ESC is `^[`, BEL `^G`, CR `^M`.
 * - DEL (U+007F) as `^?`.
 * - C1 controls (U+0080-U+009F) as `\u009b`: caret notation has no form for
 *   them, and go-gh's reuse of the C0 letters would show CSI (0x9b) exactly
 *   like ESC.
 * - The bidirectional embeddings, overrides and isolates (U+202A-U+202E,
 *   U+2066-U+2069) as `\u202e`: they do not drive the terminal, but they
 *   reorder what it shows, so `ft:x\u202etxt.exe` would read as another id
 *   (the "Trojan Source" characters, which rustc and GitHub flag too).
 *   Right-to-left letters themselves pass.
 *
 * Every line the CLI writes for a person goes through here: errors, log and
 * `--debug` lines, request ids, table cells and `--field` values. The
 * machine formats (json, jsonl, yaml) do not: JSON and YAML escape control
 * characters in their own way, and their bytes are the API's data.
 */

// Tab (U+0009) and newline (U+000A) pass; everything else from U+0000 to U+001F, U+007F to U+009F, and the bidi controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character but tab and newline, and every bidi control, shown as a visible escape. */
export function sanitize(text: string): string {
  return text.replace(CONTROL, visible);
}

/**
 * `text` for a place that must stay one line (an error report, a log line, a
 * table cell, a `--field` value): each run of white space, newlines and
 * carriage returns included, becomes one space; then `sanitize`.
 */
export function oneLine(text: string): string {
  return sanitize(text.replace(/\s+/g, ' ').trim());
}

function visible(char: string): string {
  const code = char.charCodeAt(0);
  // Stryker disable next-line EqualityOperator: a space (0x20) is never passed here, only the controls and invisibles `sanitize` matches
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
