import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, OpenAIError, redact } from '../errors.js';
import { cancel, readBody } from './body.js';
import { notJSON } from './validate.js';
import { headersForLog, type Log } from './logger.js';
import { isIdempotent, retryDelayMs, shouldRetryStatus } from './retry.js';
import { clearAttemptTimeout, setAttemptTimeout, type Expiring, type Timer } from './timeouts.js';

/**
 * The `fetch` the client calls, and the shape of the `fetch` option. Every
 * request, `client.models.*` and `client.api` alike, reaches it as
 * `fetch(request, { signal })`: the `Request` openapi-fetch built (after any
 * middleware), and a signal that fires on the attempt's timeout or the
 * caller's abort. Any standard `fetch` fits.
 */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface SendOptions {
  /** Per attempt, in ms: connecting, waiting for headers and (unless `raw`) reading the body. */
  timeout: number;
  maxRetries: number;
  /** Most bytes of a body to read, after decompression (see body.ts). */
  maxResponseSize: number;
  /** The caller's signal: aborts at once, even between attempts, with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /**
   * What becomes of a 2xx body:
   * `parse`: read into `Sent.text`; the Response comes back with its body used
   * (the resource methods parse `text`; nothing is copied).
   * `raw`: left unread (`.asResponse()`).
   * `passthrough`: read, and handed back in a readable copy (`client.api`,
   * where openapi-fetch parses it).
   * A final non-2xx is read and handed back readable in every mode, so that
   * openapi-fetch and its middleware see it like any answer.
   */
  mode: 'parse' | 'raw' | 'passthrough';
}

export interface TransportConfig {
  fetch: Fetch;
  log: Log;
  /** The API key, scrubbed from errors and logs. */
  secret: string;
}

export interface Sent {
  response: Response;
  /** The body's text; `undefined` when it was left unread (`raw` mode). */
  text: string | undefined;
  /** An error body went on past what is read of it (body.ts): `text` is its start. */
  truncated?: boolean;
  /** The maxResponseSize in force, for a body read later (after an early `.asResponse()`). */
  limit: number;
  /** The API key, to scrub from an error of that later read. */
  secret: string;
}

/**
 * The one request loop: timeout per attempt, retries with the waits of
 * `retry.ts`, the caller's abort, and conversion of failures to typed
 * errors. It never throws for an HTTP status: deciding what a status means
 * is the caller's business.
 */
export async function send(request: Request, options: SendOptions, config: TransportConfig): Promise<Sent> {
  const { mode, signal: userSignal } = options;
  const retries = isIdempotent(request.method) ? options.maxRetries : 0;
  // Log lines are built only when their level is on: with the default 'warn'
  // their formatting, clock reads and header lookups cost 1-2 us on every call
  // for nothing (issue 6, BENCHMARKS.md).
  const { debug, info } = config.log;
  debug?.(`request ${logLine(request, config)}`, { headers: headersForLog(request.headers, config.secret) });
  for (let retry = 0; ; retry++) {
    if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
    const attempt = new Attempt(options.timeout, userSignal);
    const started = debug ? Date.now() : 0;
    let reason: string;
    let waitHeaders: Headers | undefined;
    try {
      // A Request's body can be read once: keep the original for later attempts.
      // (No operation of the spec has a body; a middleware may add one.)
      // Stryker disable next-line ConditionalExpression: cloning a Request without a body sends the same request, it only costs time
      const response = await config.fetch(request.body === null ? request : request.clone(), {
        signal: attempt.signal,
      });
      if (debug) {
        const requestID = response.headers.get('x-request-id');
        debug(`response ${logLine(request, config)} ${response.status} in ${Date.now() - started} ms`, {
          requestID: requestID && redact(requestID, config.secret),
        });
      }
      if (!response.ok && retry < retries && shouldRetryStatus(response.status, response.headers)) {
        cancel(response.body);
        attempt.done();
        waitHeaders = response.headers;
        reason = String(response.status);
      } else if (response.ok && mode === 'raw') {
        attempt.done();
        return { response, text: undefined, limit: options.maxResponseSize, secret: config.secret };
      } else {
        const { text, truncated } = await readBody(response, options.maxResponseSize, config.secret);
        attempt.done();
        // Stryker disable next-line ConditionalExpression: a readable copy in parse mode too holds the same status, headers and text, it only costs a copy
        const readable = response.ok && mode === 'parse' ? response : bufferedResponse(text, response, config.secret);
        return { response: readable, text, truncated, limit: options.maxResponseSize, secret: config.secret };
      }
    } catch (error) {
      attempt.done();
      if (error instanceof OpenAIError) throw error; // already typed (e.g. by readBody): final
      if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
      const failure = attempt.timedOut ? new APIConnectionTimeoutError({ cause: error }) : connectionError(error, config.secret);
      if (retry >= retries) throw failure;
      reason = failure.name;
    }
    const delay = retryDelayMs(retry, waitHeaders);
    info?.(`retrying ${logLine(request, config)} in ${Math.round(delay)} ms (${retries - retry} left) after ${reason}`);
    await sleep(delay, userSignal);
  }
}

/**
 * A Response holding a body already read, that keeps the `url` of the
 * answer it copies (`new Response()` would give `''`), also through `clone()`.
 * Its `json()` fails on a body that is not JSON with the error a resource
 * method gives (APIResponseValidationError, `secret` scrubbed), not a bare
 * SyntaxError, for a 2xx. openapi-fetch calls it for a 2xx answer of
 * `client.api` that has a `content-length`, and parses the text itself when
 * there is none: so a copy of a 2xx sent without one (chunked) gets the
 * length of the text it holds as its `content-length` (an empty one `0`,
 * which openapi-fetch reads as no body, as before).
 */
export function bufferedResponse(body: string | ReadableStream<Uint8Array> | null, from: Response, secret: string): Response {
  // The class is made on first use: naming `Response` when this module loads
  // would make Node 20 load its whole fetch implementation (undici) on
  // `import`, about 100 ms, before anyone sends a request.
  Buffered ??= class BufferedResponse extends Response {
    readonly #from: Response;
    readonly #secret: string;

    constructor(text: string | ReadableStream<Uint8Array> | null, original: Response, key: string) {
      // No body rather than an empty one: 204, 205 and 304 answers may not carry even that.
      super(text || null, typeof text === 'string' && chunked(original) ? { status: original.status, statusText: original.statusText, headers: withLength(original.headers, text) } : original);
      this.#from = original;
      this.#secret = key;
    }

    override get url(): string {
      return this.#from.url;
    }

    override async json(): Promise<unknown> {
      const text = await this.text();
      try {
        return JSON.parse(text);
      } catch (error) {
        // An error status is not a garbled success: its copy fails as any Response would.
        throw this.ok ? notJSON(this, text, this.#secret) : error;
      }
    }

    override clone(): Response {
      // From this copy, not the original: its headers (content-length) are the ones to keep.
      return bufferedResponse(super.clone().body, this, this.#secret);
    }
  };
  return new Buffered(body, from, secret);
}

let Buffered: (new (body: string | ReadableStream<Uint8Array> | null, from: Response, secret: string) => Response) | undefined;

/** A 2xx with a body and no `content-length`: sent chunked, or to the end of the connection. */
function chunked(response: Response): boolean {
  return response.ok && response.body !== null && !response.headers.has('content-length');
}

/** `headers` with the length of `text` in UTF-8 as `content-length`, instead of chunked framing. */
function withLength(headers: Headers, text: string): Headers {
  const copy = new Headers(headers);
  copy.delete('transfer-encoding');
  copy.set('content-length', String(new TextEncoder().encode(text).byteLength));
  return copy;
}

/**
 * One attempt's AbortSignal: it fires on the timeout or the caller's abort,
 * telling the two apart. A class rather than closures: this runs on every
 * call, and allocations are most of its cost. Its timer is timeouts.ts's.
 */
class Attempt implements Expiring {
  readonly #controller = new AbortController();
  readonly #timeout: number;
  readonly #timer: Timer;
  readonly #userSignal: AbortSignal | undefined;
  timedOut = false;
  // Its place on timeouts.ts's shared list, when its timer is the shared one.
  due = 0;
  prev: Expiring | null = null;
  next: Expiring | null = null;

  constructor(timeout: number, userSignal: AbortSignal | undefined) {
    this.#timeout = timeout;
    this.#timer = setAttemptTimeout(this, timeout);
    this.#userSignal = userSignal;
    // Not `once`: done() removes it on every road out of an attempt.
    userSignal?.addEventListener('abort', this);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The caller aborted (an EventTarget listener object). */
  handleEvent(): void {
    this.#controller.abort(this.#userSignal?.reason);
  }

  expire(): void {
    this.timedOut = true;
    this.#controller.abort(new DOMException(`Request timed out after ${this.#timeout} ms`, 'TimeoutError'));
  }

  /** Clears the timer and the link to the caller's signal. */
  done(): void {
    clearAttemptTimeout(this, this.#timer);
    this.#userSignal?.removeEventListener('abort', this);
  }
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

function logLine(request: Request, config: TransportConfig): string {
  return `${request.method} ${redact(request.url, config.secret)}`;
}

/**
 * A failure with no answer, in its own words with the key scrubbed. A cause
 * that quotes the key (a proxy agent printing the request) gives way to a
 * scrubbed copy: util.inspect shows a cause whole.
 */
function connectionError(error: unknown, secret: string): APIConnectionError {
  const said = messageOf(error);
  const message = redact(said, secret);
  return new APIConnectionError({ message: `Connection error: ${message}`, cause: message === said ? error : new Error(message) });
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
