/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `jsonText` gives for a value too deep to write. */
export const TOO_DEEP = '(JSON nested too deeply to show)';

/**
 * How deep what a server sent may nest and still be written back: JSON.stringify gives up some thousands of
 * levels down, depending on the stack and the Node version. No answer of this API nests more than four.
 */
export const MAX_DEPTH = 1000;

/** Whether `value` nests objects or arrays more than `max` levels deep; a loop, not recursion, so any depth is safe to ask about. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** `JSON.stringify` of what a server sent; deeper than MAX_DEPTH, only named, on every Node alike. */
export function jsonText(value: unknown): string | undefined {
  return deeperThan(value, MAX_DEPTH) ? TOO_DEEP : JSON.stringify(value);
}
