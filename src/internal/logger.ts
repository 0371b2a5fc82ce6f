/** Leveled logging with the Authorization header and the API key redacted. */

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Any object with these four methods, e.g. `console`, pino or winston. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

const RANK: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** A logger that drops messages below `level`. */
export function leveled(level: LogLevel, logger: Logger): Logger & { enabled(level: LogLevel): boolean } {
  const on = (l: LogLevel): boolean => RANK[l] <= RANK[level] && l !== 'off';
  const noop = (): void => {};
  return {
    enabled: on,
    error: on('error') ? (m, ...r) => logger.error(m, ...r) : noop,
    warn: on('warn') ? (m, ...r) => logger.warn(m, ...r) : noop,
    info: on('info') ? (m, ...r) => logger.info(m, ...r) : noop,
    debug: on('debug') ? (m, ...r) => logger.debug(m, ...r) : noop,
  };
}

/** Headers as a plain object for a log line; `authorization` and anything holding `secret` redacted. */
export function headersForLog(headers: Headers | Record<string, string>, secret: string): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    // Keep the scheme (`Bearer`, `Basic`) for debugging; a bare token has none.
    if (name.toLowerCase() === 'authorization') out[name] = `${/^\S+\s+(?=\S)/.exec(value)?.[0] ?? ''}[REDACTED]`;
    else out[name] = secret && value.includes(secret) ? '[REDACTED]' : value;
  }
  return out;
}
