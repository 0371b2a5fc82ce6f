/**
 * Retry decisions as small pure functions; `transport.ts` holds the one loop.
 * Same policy as the official SDKs (../shared/API-FACTS.md).
 */

const INITIAL_DELAY_S = 0.5;
const MAX_DELAY_S = 8;
/** A server's `retry-after*` wait is honoured only below this; beyond it we back off as usual. */
const MAX_SERVER_DELAY_MS = 60_000;

/** Methods that HTTP defines as idempotent; the only ones ever retried. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Should this answer be retried? `x-should-retry` wins; else 408, 409, 429 and >= 500. */
export function shouldRetryStatus(status: number, headers: Headers): boolean {
  const hint = headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * How long to wait before retry number `retry` (0 for the first retry), in ms.
 * `retry-after-ms`, else `retry-after` (seconds or an HTTP date), when it lies
 * in [0, 60 s); else exponential backoff min(0.5 s * 2^retry, 8 s) less up to
 * 25% jitter.
 */
export function retryDelayMs(
  retry: number,
  headers: Headers | undefined,
  now: number = Date.now(),
  random: () => number = Math.random,
): number {
  const fromServer = serverDelayMs(headers, now);
  if (fromServer !== undefined && fromServer >= 0 && fromServer < MAX_SERVER_DELAY_MS) return fromServer;
  const seconds = Math.min(INITIAL_DELAY_S * 2 ** retry, MAX_DELAY_S);
  return seconds * (1 - random() * 0.25) * 1000;
}

function serverDelayMs(headers: Headers | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms !== '' && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers.get('retry-after');
  if (after === null || after === '') return undefined;
  if (Number.isFinite(Number(after))) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : date - now;
}
