import {
  OpenAIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseTooLargeError,
  APIUserAbortError,
} from '../errors.js';
import { headersForLog, type Log } from './logger.js';
import { redact, redactHeaders } from './redact.js';
import { isIdempotent, retryDelayMs, shouldRetryStatus } from './retry.js';

/** The shape of the `fetch` option: any standard `fetch`. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The limits of one call. */
export interface Limits {
  /** Per attempt, in ms: connecting, the headers and reading the body. */
  timeout: number;
  maxRetries: number;
  /** Most bytes of a body, counted after decompression. */
  maxResponseSize: number;
  /** The caller's signal, not the Request's: undici keeps a listener on that until the Request is collected. */
  signal?: AbortSignal | undefined;
}

export type Transport = ReturnType<typeof createTransport>;
/** The `fetch` of the moment, called as a function of the global scope (browsers require it). */
export const globalFetch: Fetch = (input, init) => globalThis.fetch(input, init);

/** How much of an error body is read: more than any message an API sends, far less than a broken server may stream. */
export const ERROR_BODY_LIMIT = 64 * 1024;

const cutAt = new WeakMap<Response, number>();

/** Where this error answer's body was cut, in bytes; `undefined` when it was read whole. */
export function wasCutAt(response: Response): number | undefined {
  return cutAt.get(response);
}

/**
 * The road of every request: retries, one timeout per attempt, the caller's abort, logging; never a throw for a
 * status. The resource methods `read` `fetch`'s own 2xx body: a guarded copy costs more CPU than the rest of a call.
 */
export function createTransport({ fetch, log, secret }: { fetch: Fetch; log: Log; secret: string }) {
  const where = (request: Request): string => `${request.method} ${redact(request.url, secret)}`;
  /** A 2xx as `fetch` gave it, its attempt still timing the body; or an error answer, its body read. */
  const send = async (request: Request, limits: Limits): Promise<{ response: Response; attempt: Attempt }> => {
    const caller = limits.signal;
    // Asked only once something failed: a call that succeeds runs none of the retry policy.
    const last = (retry: number): boolean => retry >= limits.maxRetries || !isIdempotent(request.method);
    log.debug?.(`request ${where(request)}`, { headers: headersForLog(request.headers, secret) });
    for (let retry = 0; ; retry++) {
      if (caller?.aborted) throw new APIUserAbortError({ cause: caller.reason });
      const attempt = startAttempt(limits.timeout, caller, secret);
      const started = Date.now();
      let reason: string;
      let headers: Headers | undefined;
      try {
        // A body can be read once: each attempt sends a copy.
        // Stryker disable next-line ConditionalExpression: a copy of a request with no body is the same request
        const response = await fetch(request.body === null ? request : request.clone(), { signal: attempt.signal });
        // An optional call: below debug, its arguments are not even evaluated.
        log.debug?.(`response ${where(request)} ${response.status} in ${Date.now() - started} ms`, {
          requestID: redact(response.headers.get('x-request-id') ?? '', secret) || null,
        });
        if (response.ok) {
          const declared = Number(response.headers.get('content-length'));
          if (declared > limits.maxResponseSize) {
            void response.body?.cancel().catch(() => {});
            throw tooLarge(response, limits.maxResponseSize, secret, declared);
          }
          return { response, attempt };
        }
        if (last(retry) || !shouldRetryStatus(response.status, response.headers)) {
          return { response: await readError(response, attempt, limits.maxResponseSize, secret), attempt };
        }
        attempt.end();
        void response.body?.cancel().catch(() => {});
        [reason, headers] = [String(response.status), response.headers];
      } catch (error) {
        attempt.end();
        if (error instanceof OpenAIError) throw error;
        const failure = attempt.failure(error);
        if (failure instanceof APIUserAbortError || last(retry)) throw failure;
        reason = failure.name;
      }
      const ms = retryDelayMs(retry, headers);
      log.info?.(
        `retrying ${where(request)} in ${Math.round(ms)} ms (${limits.maxRetries - retry} left) after ${reason}`,
      );
      await sleep(ms, caller);
    }
  };
  return {
    send,
    /** openapi-fetch's `fetch`: a 2xx comes with a guarded body. */
    async fetch(request: Request, limits: Limits): Promise<Response> {
      const { response, attempt } = await send(request, limits);
      return response.ok ? guarded(response, attempt, limits.maxResponseSize, secret) : response;
    },
    /** `response`'s body as text, at most `limit` bytes, within `attempt` (if `fetch` gave it), which its caller ends. */
    async read(response: Response, attempt: Attempt | undefined, limit: number): Promise<string> {
      const { text, cut } = await readUpTo(response, limit).catch((error: unknown) => {
        throw error instanceof OpenAIError || attempt === undefined ? error : attempt.failure(error);
      });
      if (cut) throw tooLarge(response, limit, secret);
      return text;
    },
  };
}

/** The body as text, up to `max` bytes; `cut` when there was more, which is left unread. */
async function readUpTo(response: Response, max: number): Promise<{ text: string; cut: boolean }> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    if (read + chunk.value.byteLength > max) {
      void reader?.cancel().catch(() => {});
      return { text: text + decoder.decode(chunk.value.subarray(0, max - read)), cut: true };
    }
    read += chunk.value.byteLength;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return { text: text + decoder.decode(), cut: false };
}

function tooLarge(response: Response, limit: number, secret: string, declared?: number): APIResponseTooLargeError {
  return new APIResponseTooLargeError(response.status, redactHeaders(response.headers, secret), limit, declared);
}

/** One attempt's signal: it fires on its timeout or the caller's abort; `failure` tells which, `end` lets go. */
export type Attempt = ReturnType<typeof startAttempt>;

function startAttempt(ms: number, caller: AbortSignal | undefined, secret: string) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(caller?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Request timed out after ${ms} ms`, 'TimeoutError'));
  }, ms);
  // A body nobody reads must not keep the process alive until the timeout; a request in flight holds it anyway.
  (timer as { unref?: () => void }).unref?.();
  caller?.addEventListener('abort', onAbort);
  return {
    signal: controller.signal,
    end() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
    failure(error: unknown): APIConnectionError | APIUserAbortError {
      if (caller?.aborted) return new APIUserAbortError({ cause: caller.reason });
      if (timedOut) return new APIConnectionTimeoutError({ cause: error });
      // No answer: the failure in its own words, scrubbed; so is a cause that quotes the key (util.inspect shows it).
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const said = error instanceof Error ? error.message + cause : String(error);
      const message = redact(said, secret);
      return new APIConnectionError({
        message: `Connection error: ${message}`,
        cause: message === said ? error : new Error(message),
      });
    },
  };
}

/** `response` with a body that fails past `limit` bytes, and ends the attempt once read, cancelled or failed. */
function guarded(response: Response, attempt: Attempt, limit: number, secret: string): Response {
  // openapi-fetch leaves a body of length 0 unread.
  if (response.body === null || response.headers.get('content-length') === '0') {
    attempt.end();
    return response;
  }
  const reader = response.body.getReader();
  let read = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await reader.read().catch((error: unknown) => {
          attempt.end();
          throw attempt.failure(error);
        });
        read += chunk.value?.byteLength ?? 0;
        if (chunk.done || read > limit) attempt.end();
        if (chunk.done) return controller.close();
        if (read <= limit) return controller.enqueue(chunk.value);
        void reader.cancel().catch(() => {});
        throw tooLarge(response, limit, secret);
      },
      cancel(reason) {
        attempt.end();
        return reader.cancel(reason);
      },
    },
    // Nothing is read before someone asks: `.asResponse()` gets the body as it came.
    { highWaterMark: 0 },
  );
  return withBody(response, body);
}

/** An error answer, its body read up to ERROR_BODY_LIMIT (or `limit`) and scrubbed; a key cut in two too. */
async function readError(response: Response, attempt: Attempt, limit: number, secret: string): Promise<Response> {
  const max = Math.min(limit, ERROR_BODY_LIMIT);
  const { text, cut } = await readUpTo(response, max);
  attempt.end();
  const copy = withBody(response, redact(text, secret, cut) || null);
  if (cut) cutAt.set(copy, max);
  return copy;
}

/** `response` with another body; the copy keeps its url (`new Response` has none). */
export function withBody(response: Response, body: BodyInit | null): Response {
  return Object.defineProperty(new Response(body, response), 'url', { value: response.url });
}

/** Waits `ms`, or rejects with `APIUserAbortError` the moment `signal` fires. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
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
