// No imports: the CLI bundles this module as it is, and so shares these rules with the client.

/** The client's defaults, in one place (the CLI's too). */
export const DEFAULTS = {
  baseURL: 'https://api.openai.com/v1',
  timeout: 10 * 60 * 1000,
  maxRetries: 2,
  // 16 times the largest real answer known (OpenRouter's catalogue), yet parsed within a 256 MB heap.
  maxResponseSize: 32 * 1024 * 1024,
  logLevel: 'warn',
} as const;

/** The longest timer JavaScript runs: a longer delay fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** An environment variable, trimmed; unset or blank reads as `undefined`. */
export function readEnv(name: string, env = globalThis.process?.env): string | undefined {
  return env?.[name]?.trim() || undefined;
}
