/**
 * The official SDK's error classes, so that `instanceof NotFoundError` code moves over as is. None holds
 * the API key: the request's headers are not kept, and the key is scrubbed from what the server echoed back.
 */
import { isRecord } from './internal/record.js';

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
  /** `error.code`, e.g. `"model_not_found"`. */
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
    this.code = stringOrNull(fields['code']);
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

const byStatus: Readonly<Record<number, typeof APIError>> = {
  ...{ 400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError },
  ...{ 409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError },
};

/**
 * The one place where a non-2xx answer becomes a typed error. `body` is what openapi-fetch made of it: the
 * parsed JSON, else the text (with `cutAt`, the start of a longer body). `secret` is scrubbed from what is kept.
 */
export function toAPIError(response: Response, body: unknown, secret: string, cutAt?: number): APIError {
  const { status } = response;
  const headers = redactHeaders(response.headers, secret);
  const Class = byStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
  if (typeof body === 'string') {
    const text = redact(body, secret, cutAt !== undefined);
    if (text.trim() === '') return new Class(status, undefined, undefined, headers);
    // An HTML page from a proxy, a plain-text message, the start of a huge body...: say what came back.
    const what = cutAt === undefined ? 'body is not JSON' : `body larger than ${cutAt} bytes, cut`;
    return new Class(status, text, `status code (${what}: ${snippet(text)})`, headers);
  }
  const parsed = scrubbed(body, secret);
  const inner = isRecord(parsed) ? parsed['error'] : undefined;
  if (isRecord(inner)) return new Class(status, inner, undefined, headers);
  // Compatible servers: {"error": "text"}, {"message": "..."}, and RFC 9457
  // problem documents {"title", "detail"} (Prism, many gateways, FastAPI).
  if (typeof inner === 'string') return new Class(status, parsed, inner, headers);
  return new Class(status, parsed, problemText(parsed), headers);
}

/** A parsed body without `secret`: written out and read back only when it held it; too deep to write, only named. */
function scrubbed(body: unknown, secret: string): unknown {
  const text = jsonText(body);
  if (text === TOO_DEEP) return TOO_DEEP;
  const clean = text === undefined ? text : redact(text, secret);
  return clean === text ? body : JSON.parse(clean as string);
}

/** `"<title>: <detail>"` of a problem document, or undefined when it is not one. */
function problemText(body: unknown): string | undefined {
  if (!isRecord(body) || 'message' in body) return undefined;
  const parts = [body['title'], body['detail']].filter((part) => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(': ') : undefined;
}

/**
 * Replaces every `secret` in `text` (one under 8 characters would match plain text). `cut`: `text` is the
 * start of a longer body, so a start of the key at its very end goes too.
 */
export function redact(text: string, secret: string | undefined, cut = false): string {
  if (!secret || secret.length < 8) return text;
  const out = text.includes(secret) ? text.split(secret).join('[REDACTED]') : text;
  if (cut) {
    // Stryker disable next-line ArithmeticOperator: starting longer tries the whole key, already replaced above: the same result
    for (let n = secret.length - 1; n > 0; n--)
      if (out.endsWith(secret.slice(0, n))) return `${out.slice(0, -n)}[REDACTED]`;
  }
  return out;
}

/** The headers of an answer, or a copy with the key scrubbed where a proxy echoed it back. */
export function redactHeaders(headers: Headers, secret: string | undefined): Headers {
  if (![...headers.values()].some((value) => redact(value, secret) !== value)) return headers;
  // Appended one by one: set() would keep one of several set-cookie lines.
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, redact(value, secret));
  return copy;
}

/** The first 200 characters of `text`, white space folded, quoted. */
export function snippet(text: string, max = 200): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(folded.length > max ? `${folded.slice(0, max)}…` : folded);
}

/** What `jsonText` gives for a value too deep for JSON.stringify. */
export const TOO_DEEP = '(JSON nested too deeply to show)';

/**
 * `JSON.stringify` of what a server sent. JSON.parse reads any depth, but stringify gives up (RangeError)
 * some 4,000 levels down on Node 20-24: 10 KB of `[[[[`. Such a body is named instead of breaking the error.
 */
export function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return TOO_DEEP;
    throw error;
  }
}

function stringOrNull(value: unknown): string | null | undefined {
  return typeof value === 'string' || value === null ? value : undefined;
}
