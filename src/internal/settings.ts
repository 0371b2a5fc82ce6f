import { OpenAIError } from '../errors.js';
import type { RequestOptions } from '../request-options.js';
import { MAX_TIMEOUT_MS } from './defaults.js';
import type { Limits } from './transport.js';
import type { StrictValidation } from './validate.js';

type Sizes = Omit<Limits, 'signal'>;

/** The limits `options` set, each checked, over `base`'s; `null` reads as unset, as in the official SDK. */
export function checkLimits(options: { [name in keyof Sizes]?: number | null | undefined }, base: Sizes): Sizes {
  const limit = (name: keyof Sizes, ok: (n: number) => boolean, rule: string): number => {
    const value = options[name] ?? base[name];
    if (!ok(value)) throw new OpenAIError(`${name} must be ${rule}, got ${shown(value)}`);
    return value;
  };
  return {
    timeout: limit(
      'timeout',
      (ms) => typeof ms === 'number' && ms > 0 && ms <= MAX_TIMEOUT_MS,
      'a positive number of milliseconds (at most 2^31-1)',
    ),
    maxRetries: limit('maxRetries', (n) => Number.isInteger(n) && n >= 0, 'a whole number >= 0'),
    maxResponseSize: limit('maxResponseSize', (n) => Number.isSafeInteger(n) && n >= 1, 'a whole number >= 1'),
  };
}

/** `url` without trailing slashes, once it is an http(s) URL that fetch will accept. */
export function checkBaseURL(url: string): string {
  // Everything after the scheme, if any, up to the last `@` is masked: an error never quotes a password.
  const shown = JSON.stringify(url.replace(/([a-z][\w+.-]*:[/\\]*)?.*@/is, '$1***@'));
  if (!/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url))
    throw new OpenAIError(`baseURL must be an http:// or https:// URL, got ${shown}`);
  // fetch refuses every request to such a URL, with a TypeError that quotes the password.
  const { username, password } = new URL(url);
  if (username || password) throw new OpenAIError(`baseURL must not hold credentials (user:password@), got ${shown}`);
  return url.replace(/\/+$/, '');
}

/** `strictResponseValidation` as given: `openai-models/strict`'s (or any `StrictValidation`), or off. */
export function checkStrict(value: unknown): StrictValidation | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof (value as Partial<StrictValidation> | null)?.problem === 'function') return value as StrictValidation;
  throw new OpenAIError(
    `strictResponseValidation must be the one from 'openai-models/strict', or false; got ${shown(value)}`,
  );
}

/** A value as these messages quote it; an object is only named, as `String()` of one may throw. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}
