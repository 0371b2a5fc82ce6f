/** Leveled logging with the Authorization header and the API key redacted. */

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Any object with these four methods, e.g. `console`, pino or winston. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

/** From least to most verbose. */
const LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** `value`, read from `OPENAI_LOG`, when it is a level; else `undefined`, and `warn` says so in the official SDK's words. */
export function envLogLevel(value: string | undefined, warn: (message: string) => void): LogLevel | undefined {
  const level = LEVELS.find((known) => known === value);
  if (value !== undefined && level === undefined)
    warn(`process.env['OPENAI_LOG'] was set to ${JSON.stringify(value)}, expected one of ${JSON.stringify(LEVELS)}`);
  return level;
}

/** The logging the transport does: `undefined` below the level, so such a line is never even formatted. */
export type Log = { [level in 'info' | 'debug']?: Logger[level] | undefined };

/** `logger`'s `info` and `debug`, each only when `level` lets it through. */
export function leveled(level: LogLevel, logger: Logger): Log {
  return {
    info: LEVELS.indexOf(level) >= LEVELS.indexOf('info') ? logger.info.bind(logger) : undefined,
    debug: level === 'debug' ? logger.debug.bind(logger) : undefined,
  };
}

/** Headers as a plain object for a log line; `authorization` and anything holding `secret` redacted. */
export function headersForLog(headers: Headers, secret: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    // Names come lower-cased. Keep the scheme (`Bearer`, `Basic`) for debugging; a bare token has none.
    if (name === 'authorization') out[name] = `${/^\S+\s+(?=\S)/.exec(value)?.[0] ?? ''}[REDACTED]`;
    else out[name] = secret && value.includes(secret) ? '[REDACTED]' : value;
  }
  return out;
}
