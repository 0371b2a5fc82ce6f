/**
 * The requests of `conformance`, safe to point at anyone's server: plain
 * `fetch` (so the report sees the status, headers and bytes as they came,
 * which the client would turn into values or errors), with its own limits.
 *
 * - The key and `--header` values go only to the base URL: redirects are
 *   followed by hand, and only within the base URL's origin and path.
 * - Each request has a deadline for the headers and the whole body, and at
 *   most `maxResponseSize` bytes are read, counted after decompression.
 * - No retries unless `maxRetries` asks for them; then the client's policy.
 */
import type { Fetch } from '../index.js';
import { retryDelayMs, shouldRetryStatus } from '../internal/retry.js';

export interface HTTPOptions {
  baseURL: string;
  fetch: Fetch;
  /** Per request, in ms. */
  timeout: number;
  maxResponseSize: number;
  maxRetries: number;
  /** Sent when the probe is authenticated: `Authorization` and each `--header`. */
  auth: Record<string, string>;
  /** Other headers sent with every request (`OpenAI-Organization`...). */
  headers: Record<string, string>;
  /** Told each request and its outcome, for `--debug`. */
  log?: ((line: string) => void) | undefined;
}

/** How a probe authenticates: with the key given, with none, or with a wrong one. */
export type Auth = 'key' | 'none' | 'wrong';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
  json: boolean;
}

export type Outcome =
  { answer: Answer } | { failure: string; kind: 'connection' | 'timeout' | 'too-large' | 'redirect'; status?: number };

/** A key no server issued, for the wrong-key probes; not a secret. */
export const WRONG_KEY = 'sk-openai-models-conformance-wrong-key';
const MAX_REDIRECTS = 5;

/** Sends `method path` (the path under the base URL, already encoded) and reads the answer within the limits. */
export async function send(options: HTTPOptions, method: string, path: string, auth: Auth): Promise<Outcome> {
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(options, method, path, auth);
    const answer = 'answer' in outcome ? outcome.answer : undefined;
    // A broken connection, or a status the client itself would retry (retry.ts); a timeout is reported as it is.
    const retryable = answer
      ? shouldRetryStatus(answer.status, answer.headers)
      : 'kind' in outcome && outcome.kind === 'connection';
    if (retry >= options.maxRetries || !retryable) return outcome;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(retry, answer?.headers)));
  }
}

async function attempt(options: HTTPOptions, method: string, path: string, auth: Auth): Promise<Outcome> {
  const base = new URL(options.baseURL.replace(/\/+$/, ''));
  let url = new URL(base.href.replace(/\/$/, '') + path);
  const headers = { ...options.headers, ...authHeaders(options.auth, auth) };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeout);
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetch(url, { method, headers, redirect: 'manual', signal: controller.signal });
      options.log?.(`${method} ${url.href} ${response.status}`);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) return await read(response, options);
      void response.body?.cancel().catch(() => {});
      const next = new URL(location, url);
      if (!within(next, base) || hop >= MAX_REDIRECTS) {
        const where = within(next, base) ? 'too many times' : `to ${next.origin}, outside the base URL`;
        return { failure: `${response.status}: redirected ${where}; not followed`, kind: 'redirect' };
      }
      url = next;
    }
  } catch (error) {
    if (controller.signal.aborted) return { failure: `no answer within ${options.timeout} ms`, kind: 'timeout' };
    return { failure: connectionMessage(error), kind: 'connection' };
  } finally {
    clearTimeout(timer);
  }
}

/** Same origin, and a path under the base URL's (`/v1` covers `/v1/models`, not `/v10`). */
function within(url: URL, base: URL): boolean {
  const prefix = base.pathname.replace(/\/$/, '');
  return url.origin === base.origin && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
}

function authHeaders(given: Record<string, string>, auth: Auth): Record<string, string> {
  if (auth === 'key') return given;
  return auth === 'wrong' ? { authorization: `Bearer ${WRONG_KEY}` } : {};
}

async function read(response: Response, options: HTTPOptions): Promise<Outcome> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    bytes += chunk.value.byteLength;
    if (bytes > options.maxResponseSize) {
      void reader?.cancel().catch(() => {});
      return {
        failure: `the answer is larger than --max-response-size (${options.maxResponseSize} bytes)`,
        kind: 'too-large',
        status: response.status,
      };
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  text += decoder.decode();
  let body: unknown;
  let json = true;
  try {
    body = JSON.parse(text);
  } catch {
    json = false;
  }
  return { answer: { status: response.status, headers: response.headers, text, body, json } };
}

/** `connect ECONNREFUSED 127.0.0.1:9` rather than undici's bare `fetch failed`. */
function connectionMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
