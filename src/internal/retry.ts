// The official SDKs' retry policy (../shared/API-FACTS.md). No imports: the CLI's conformance command
// bundles this module as it is, and so retries as the client does.

/** Only methods HTTP defines as idempotent are retried. */
export function isIdempotent(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'].includes(method.toUpperCase());
}

/** `x-should-retry` wins; else 408, 409, 429 and >= 500. */
export function shouldRetryStatus(status: number, headers: Headers): boolean {
  const hint = headers.get('x-should-retry');
  if (hint === 'true' || hint === 'false') return hint === 'true';
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The wait before retry `retry` (0 first), in ms: the server's, when in [0, 60 s); else 0.5 s·2^retry ≤ 8 s, −25 % jitter. */
export function retryDelayMs(retry: number, headers?: Headers, now = Date.now(), random = Math.random): number {
  const fromServer = serverDelayMs(headers, now);
  if (fromServer >= 0 && fromServer < 60_000) return fromServer;
  return Math.min(0.5 * 2 ** retry, 8) * (1 - random() * 0.25) * 1000;
}

/** `retry-after-ms`, else `retry-after` in seconds or as a date; NaN when neither is usable. */
function serverDelayMs(headers: Headers | undefined, now: number): number {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers?.get('retry-after');
  if (!after) return NaN;
  return Number.isFinite(Number(after)) ? Number(after) * 1000 : Date.parse(after) - now;
}
