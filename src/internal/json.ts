/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What `jsonText` gives for a value too deep for JSON.stringify. */
export const TOO_DEEP = '(JSON nested too deeply to show)';

/**
 * `JSON.stringify` of what a server sent. JSON.parse reads any depth, but stringify gives up (RangeError)
 * some 4,000 levels down on Node 20-24: 10 KB of `[[[[`. Such a body is named instead of breaking the error.
 */
export function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return TOO_DEEP;
    throw error;
  }
}
