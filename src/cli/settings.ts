import type { ClientOptions, LogLevel } from '../index.js';
import { DEFAULTS, MAX_TIMEOUT_MS, readEnv } from '../internal/defaults.js';
import { envLogLevel } from '../internal/logger.js';
import { strictResponseValidation } from '../strict.js';
import { CLIError } from './cli-error.js';
import { FORMATS, type Format, type Values } from './options.js';
import type { IO } from './io.js';

/** What a command runs with: the client's options and how to print. */
export interface Settings {
  client: Required<Pick<ClientOptions, 'apiKey' | 'baseURL' | 'organization' | 'project'>> &
    Pick<ClientOptions, 'timeout' | 'maxRetries' | 'maxResponseSize' | 'strictResponseValidation'> & {
      logLevel: LogLevel;
    };
  format: Format;
  field: string | undefined;
  /** Settings ignored, each worth a `warn:` line: an OPENAI_LOG that is no level. */
  warnings: string[];
}

/**
 * Options first, then the environment (`io.env`, never `process.env`, so
 * tests stay isolated), then defaults. Every value is checked here so a bad
 * one is a usage error (exit 2) before any request.
 */
export function settings(values: Values, env: IO['env'], stdoutIsTTY: boolean, command: string): Settings {
  const usage = (message: string): CLIError => new CLIError(message, { command });
  // An option given empty is a mistake, not a wish for the environment's value.
  const given = (name: 'api-key' | 'base-url' | 'organization' | 'project'): string | undefined => {
    const value = values[name]?.trim();
    if (value === '') throw usage(`--${name} is empty`);
    return value;
  };
  const apiKey = given('api-key') ?? readEnv('OPENAI_API_KEY', env);
  if (apiKey === undefined) throw usage('missing API key: set OPENAI_API_KEY or pass --api-key');
  // Given explicitly, else the client would read process.env behind io.env's back. The client checks it;
  // run() words its refusal as a usage error.
  const baseURL = given('base-url') ?? readEnv('OPENAI_BASE_URL', env) ?? DEFAULTS.baseURL;
  if (values.format !== undefined && values.field !== undefined) throw usage('use --format or --field, not both');
  const format = values.format ?? (stdoutIsTTY ? 'table' : 'json');
  if (!isFormat(format)) throw usage(`--format must be one of ${FORMATS.join(', ')}; got '${format}'`);
  const warnings: string[] = [];
  const logLevel = envLogLevel(readEnv('OPENAI_LOG', env), (warning) => warnings.push(warning));
  const client: Settings['client'] = {
    apiKey,
    baseURL,
    organization: given('organization') ?? readEnv('OPENAI_ORG_ID', env) ?? null,
    project: given('project') ?? readEnv('OPENAI_PROJECT_ID', env) ?? null,
    logLevel: values.debug ? 'debug' : (logLevel ?? DEFAULTS.logLevel),
  };
  if (values.strict) client.strictResponseValidation = strictResponseValidation;
  if (values.timeout !== undefined) {
    const ms = duration(values.timeout);
    if (ms === undefined)
      throw usage(`--timeout must be a positive duration such as 30, 30s, 500ms or 2m; got '${values.timeout}'`);
    client.timeout = ms;
  }
  if (values['max-retries'] !== undefined) {
    const retries = values['max-retries'];
    if (!/^\d{1,3}$/.test(retries)) throw usage(`--max-retries must be a whole number from 0 to 999; got '${retries}'`);
    client.maxRetries = Number(retries);
  }
  if (values['max-response-size'] !== undefined) {
    const text = values['max-response-size'];
    const bytes = size(text);
    if (bytes === undefined)
      throw usage(`--max-response-size must be a size in bytes such as 1048576, 512k, 64m or 1g; got '${text}'`);
    client.maxResponseSize = bytes;
  }
  return { client, format, field: values.field, warnings };
}

/** `30`, `30s`, `1.5s`, `500ms`, `2m` → milliseconds; a bare number is seconds, as in curl's --max-time. */
export function duration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m)?$/.exec(text.trim());
  if (!match) return undefined;
  const factor = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  const ms = Math.ceil(Number(match[1]) * factor);
  return ms > 0 && ms <= MAX_TIMEOUT_MS ? ms : undefined;
}

/** `1048576`, `512k`, `64m`, `1g` → bytes; the suffixes are powers of 1024, as in curl's --max-filesize. */
export function size(text: string): number | undefined {
  const match = /^(\d+)([kmg])?$/i.exec(text.trim());
  if (!match) return undefined;
  // Stryker disable next-line StringLiteral: ' kmg'.indexOf('') is 0 too, the power of no suffix
  const bytes = Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] ?? ' ').toLowerCase());
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

function isFormat(value: string): value is Format {
  return FORMATS.some((format) => format === value);
}
