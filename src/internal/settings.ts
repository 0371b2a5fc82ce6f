import { OpenAIError } from '../errors.js';
import { MAX_TIMEOUT_MS } from './defaults.js';

export function checkTimeout(ms: number): number {
  if (typeof ms !== 'number' || !(ms > 0) || ms > MAX_TIMEOUT_MS) {
    throw new OpenAIError(`timeout must be a positive number of milliseconds (at most 2^31-1), got ${String(ms)}`);
  }
  return ms;
}

export function checkRetries(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new OpenAIError(`maxRetries must be a whole number >= 0, got ${String(n)}`);
  return n;
}

export function checkSize(bytes: number): number {
  if (!Number.isSafeInteger(bytes) || bytes < 1)
    throw new OpenAIError(`maxResponseSize must be a whole number >= 1, got ${String(bytes)}`);
  return bytes;
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
