// The official SDK's error classes. None holds the API key: the request's headers are not kept, and the key
// is scrubbed from what the server echoed back.
import { isRecord, jsonText } from './internal/json.js';

/** Base class of every error this package throws on purpose. */
export class OpenAIError extends Error {
  override name: string = 'OpenAIError';
}

/** An HTTP request failed: a non-2xx answer, a garbled answer, or no answer at all. */
export class APIError extends OpenAIError {
  override name: string = 'APIError';
  /** The HTTP status, or `undefined` when no answer arrived. */
  readonly status: number | undefined;
  /** The answer's headers, or `undefined` when no answer arrived. */
  readonly headers: Headers | undefined;
  /** The `error` object of an OpenAI-shaped body, else the parsed body, else its text; `undefined` for none. */
  readonly error: unknown;
  /** `error.code`, e.g. `"model_not_found"`; an integer code as its digits (`"404"`). */
  readonly code: string | null | undefined;
  /** `error.param`. */
  readonly param: string | null | undefined;
  /** `error.type`, e.g. `"invalid_request_error"`. */
  readonly type: string | undefined;
  /** The `x-request-id` header of the answer; quote it to support. */
  readonly requestID: string | null | undefined;

  constructor(
    status: number | undefined,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
    options?: ErrorOptions,
  ) {
    // new.target rather than APIError: naming the class inside itself makes bundlers rename it (`_APIError`).
    super(new.target.makeMessage(status, error, message), options);
    this.status = status;
    this.headers = headers;
    this.requestID = headers?.get('x-request-id');
    this.error = error;
    const fields = isRecord(error) ? error : {};
    // vLLM, llama.cpp and LocalAI send an integer (404): its digits, so that `code` stays a string.
    this.code = typeof fields['code'] === 'number' ? String(fields['code']) : stringOrNull(fields['code']);
    this.param = stringOrNull(fields['param']);
    this.type = typeof fields['type'] === 'string' ? fields['type'] : undefined;
  }

  /** `"<status> <message>"` as the official SDK words it; the body's message unless `message` is given. */
  static makeMessage(status: number | undefined, error: unknown, message: string | undefined): string {
    // Whatever came back says itself: a string as is, other JSON (42, [1], null) as JSON.
    const fromBody = isRecord(error) && typeof error['message'] === 'string' ? error['message'] : error;
    const msg = message ?? (typeof fromBody === 'string' ? fromBody : jsonText(fromBody));
    if (!msg) return status === undefined ? '(no status code or body)' : `${status} status code (no body)`;
    return status === undefined ? msg : `${status} ${msg}`;
  }
}

export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** A successful status whose body is not JSON, or not the shape the spec promises. */
export class APIResponseValidationError extends APIError {
  override name = 'APIResponseValidationError';
}

/** A body larger than `maxResponseSize`, or declared so: never retried, the same server would send it again. */
export class APIResponseTooLargeError extends APIError {
  override name = 'APIResponseTooLargeError';
  /** The limit that was crossed, in bytes (the `maxResponseSize` in force). */
  readonly limit: number;
  /** `declared`: the `content-length` that was refused before reading. */
  constructor(status: number, headers: Headers, limit: number, declared?: number) {
    const of = declared === undefined ? '' : ` of ${declared} bytes (content-length)`;
    const message = `response body${of} is larger than maxResponseSize (${limit} bytes); raise it if the answer is genuine.`;
    super(status, undefined, message, headers);
    this.limit = limit;
  }
}

/** The caller's `AbortSignal` fired (before, during, or between attempts). */
export class APIUserAbortError extends APIError {
  override name = 'APIUserAbortError';
  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super(undefined, undefined, message ?? 'Request was aborted.', undefined, { cause });
  }
}

/** No HTTP answer arrived: connection refused or reset, DNS failure, TLS failure... */
export class APIConnectionError extends APIError {
  override name = 'APIConnectionError';
  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super(undefined, undefined, message ?? 'Connection error.', undefined, { cause });
  }
}

/** The attempt (connecting, the headers and reading the body) took longer than `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor({ message, cause }: { message?: string; cause?: unknown } = {}) {
    super({ message: message ?? 'Request timed out.', cause });
  }
}

function stringOrNull(value: unknown): string | null | undefined {
  return typeof value === 'string' || value === null ? value : undefined;
}
