import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  redact,
  toAPIError,
} from '../errors.js';
import { ERROR_BODY_LIMIT, readBody } from './body.js';
import { headersForLog, type leveled } from './logger.js';
import { isIdempotent, retryDelayMs, shouldRetryStatus } from './retry.js';

/**
 * The `fetch` signature the client calls; any standard `fetch` fits. The
 * resource methods call it as `fetch(url, init)`, like the official SDK;
 * `client.api` (openapi-fetch) as `fetch(request, { signal })`.
 */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * What to send: a Request (from openapi-fetch, for `client.api`), or the
 * parts of one (the resource methods). The parts are cheaper: `fetch(url,
 * init)` builds one Request, where openapi-fetch builds one and undici's
 * fetch then builds another from it (issue 6: ~25 us a call, a third of the
 * client's CPU).
 */
export type Target = Request | { method: string; url: string; headers: Record<string, string>; body?: string | undefined };

export interface SendOptions {
  /** Per attempt, in ms: connecting, waiting for headers and (unless `raw`) reading the body. */
  timeout: number;
  maxRetries: number;
  /** Most bytes of a body to read, after decompression (see body.ts). */
  maxResponseSize: number;
  signal?: AbortSignal | undefined;
  /**
   * `parse`: read the body, throw on a non-2xx status (the resource methods).
   * `raw`: as `parse`, but leave a 2xx body unread (`.asResponse()`).
   * `passthrough`: read the body, return every status (`client.api`, which
   * reports errors openapi-fetch's way).
   */
  mode: 'parse' | 'raw' | 'passthrough';
}

export interface TransportConfig {
  fetch: Fetch;
  log: ReturnType<typeof leveled>;
  /** The API key, scrubbed from errors and logs. */
  secret: string;
}

export interface Sent {
  response: Response;
  /** The body's text; `undefined` in `raw` mode. */
  text: string | undefined;
}

/**
 * The one request loop: timeout per attempt, retries with the waits of
 * `retry.ts`, the caller's abort, and conversion of failures to typed errors.
 */
export async function send(target: Target, options: SendOptions, config: TransportConfig): Promise<Sent> {
  const { mode } = options;
  const isRequest = target instanceof Request;
  // client.api callers pass their signal on the Request itself.
  const userSignal = options.signal ?? (isRequest ? target.signal : undefined);
  const retries = isIdempotent(target.method) ? options.maxRetries : 0;
  // Log lines are built only when their level is on: with the default 'warn'
  // their formatting, clock reads and header lookups cost 1-2 us on every call
  // for nothing (issue 6, BENCHMARKS.md).
  const debug = config.log.enabled('debug');
  const logLine = (): string => `${target.method} ${redact(target.url, config.secret)}`;
  if (debug) config.log.debug(`request ${logLine()}`, { headers: headersForLog(target.headers, config.secret) });
  for (let retry = 0; ; retry++) {
    if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
    const attempt = startAttempt(options.timeout, userSignal);
    const started = debug ? Date.now() : 0;
    let reason: string;
    let waitHeaders: Headers | undefined;
    try {
      const response = isRequest
        ? // A Request's body can be read once: keep the original for later attempts.
          await config.fetch(target.body !== null && retry < retries ? target.clone() : target, { signal: attempt.signal })
        : await config.fetch(target.url, { method: target.method, headers: target.headers, body: target.body ?? null, signal: attempt.signal });
      if (debug) {
        config.log.debug(`response ${logLine()} ${response.status} in ${Date.now() - started} ms`, {
          requestID: response.headers.get('x-request-id'),
        });
      }
      if (!response.ok && retry < retries && shouldRetryStatus(response.status, response.headers)) {
        await response.body?.cancel().catch(() => {});
        attempt.done();
        waitHeaders = response.headers;
        reason = String(response.status);
      } else if (response.ok && mode === 'raw') {
        attempt.done();
        return { response, text: undefined };
      } else {
        const { text, truncated } = await readBody(response, options.maxResponseSize);
        attempt.done();
        if (!response.ok && mode !== 'passthrough') {
          throw toAPIError(response.status, response.headers, text, config.secret, truncated ? ERROR_BODY_LIMIT : undefined);
        }
        return { response, text };
      }
    } catch (error) {
      attempt.done();
      if (error instanceof APIError) throw error; // a final non-2xx answer, already typed
      if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
      const failure = attempt.timedOut()
        ? new APIConnectionTimeoutError({ cause: error })
        : new APIConnectionError({ message: `Connection error: ${redact(messageOf(error), config.secret)}`, cause: error });
      if (retry >= retries) throw failure;
      reason = failure.name;
    }
    const delay = retryDelayMs(retry, waitHeaders);
    config.log.info(
      `retrying ${logLine()} in ${Math.round(delay)} ms (${retries - retry} left) after ${reason}`,
    );
    await sleep(delay, userSignal);
  }
}

interface Attempt {
  signal: AbortSignal;
  timedOut(): boolean;
  /** Clears the timer and the link to the caller's signal. */
  done(): void;
}

/** An AbortSignal that fires on the timeout or the caller's abort, telling the two apart. */
function startAttempt(timeout: number, userSignal: AbortSignal | undefined): Attempt {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Request timed out after ${timeout} ms`, 'TimeoutError'));
  }, timeout);
  const onAbort = (): void => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done() {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits `ms`, or rejects with `APIUserAbortError` the moment `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError({ cause: signal.reason }));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
