import {
  APIError,
  APIResponseValidationError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../errors.js';
import type { Page } from '../pagination.js';
import { isRecord, jsonText, TOO_DEEP } from './json.js';
import { redact, redactHeaders, snippet } from './redact.js';

/** The operations of the spec, by `operationId`. */
export type Operation = 'listModels' | 'retrieveModel' | 'deleteModel';

/** The spec's schemas at run time: `strictResponseValidation` from `openai-models/strict`. */
export interface StrictValidation {
  /** What is wrong with a 2xx answer by the spec, or `undefined`; `scrub` takes the API key out of a quote. */
  problem(operation: Operation, response: Response, body: unknown, scrub: (text: string) => string): string | undefined;
}

/** What is wrong with a model, named from `at` (`body`, `body.data[3]`); `undefined` when nothing is. */
function model(value: unknown, at = 'body'): string | undefined {
  if (!isRecord(value)) return `${at} is not an object`;
  return typeof value['id'] === 'string' ? undefined : `${at}.id is not a string`;
}

/** The first item of `data` that is not a model, named from `at`. */
function items(data: unknown[], at: string): string | undefined {
  // The item's path is built only when it fails: for every item, it would cost more than the check.
  const bad = data.findIndex((item) => model(item) !== undefined);
  return bad < 0 ? undefined : model(data[bad], `${at}[${bad}]`);
}

/** A list as the official SDK reads a bare array or Ollama's `data: null` (none); and where its items are named from. */
function asList(value: unknown): [unknown, string] {
  if (Array.isArray(value)) return [{ object: 'list', data: value }, 'body'];
  const none = isRecord(value) && value['object'] === 'list' && value['data'] === null && !('error' in value);
  return [none ? { ...value, data: [] } : value, 'body.data'];
}

// The default checks: enough that a garbled 2xx becomes a clear error, lenient enough for compatible servers
// (docs/compatibility.md). Strict mode checks the spec's schemas instead.
const shapes: Record<Operation, (value: unknown, at: string) => string | undefined> = {
  listModels: (value, at) => {
    if (!isRecord(value)) return 'body is not an object';
    const data = value['data'];
    return Array.isArray(data) ? items(data, at) : 'body.data is not an array';
  },
  retrieveModel: model,
  deleteModel: (value) =>
    model(value) ??
    (isRecord(value) && typeof value['deleted'] === 'boolean' ? undefined : 'body.deleted is not a boolean'),
};

/** A 2xx body, parsed and checked (by the spec's schema with `strict`), with its `_request_id`. */
export function parseBody<T extends object>(
  text: string,
  response: Response,
  operation: Operation,
  secret: string,
  strict?: StrictValidation,
): WithRequestID<T> {
  const fail = (error: unknown, what: string): APIResponseValidationError =>
    new APIResponseValidationError(response.status, error, `response ${what}`, redactHeaders(response.headers, secret));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const redacted = redact(text, secret);
    throw fail(redacted, text.trim() === '' ? 'body is empty' : `body is not valid JSON: ${snippet(redacted)}`);
  }
  const [value, at] = operation === 'listModels' ? asList(parsed) : [parsed, 'body'];
  const problem = strict
    ? strict.problem(operation, response, parsed, (text) => redact(text, secret))
    : shapes[operation](value, at);
  if (problem !== undefined) {
    // The parsed value is what is scrubbed: a key the server wrote with JSON escapes is one again once parsed.
    const clean = scrubbed(parsed, secret);
    if (strict) throw fail(clean, redact(problem, secret));
    const quoted = clean === parsed || clean === TOO_DEEP ? redact(text, secret) : (jsonText(clean) ?? '');
    throw fail(clean, `${problem}: ${snippet(quoted)}`);
  }
  // A body the spec's schema passed is already a list: only the default checks let the other forms through.
  return withRequestID(value as T, response.headers.get('x-request-id'));
}

const byStatus: Readonly<Record<number, typeof APIError>> = {
  ...{ 400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError },
  ...{ 409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError },
};

/** A non-2xx answer as a typed error, from what openapi-fetch made of its body: parsed JSON, else text. */
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
  // Compatible servers: {"error": "text"}, {"message": "..."}, RFC 9457 {"title", "detail"} (Prism, FastAPI).
  return new Class(status, parsed, typeof inner === 'string' ? inner : problemText(parsed), headers);
}

/** A parsed body without `secret`: written out and read back only when it held it; too deep to write, only named. */
function scrubbed(body: unknown, secret: string): unknown {
  // Stryker disable next-line StringLiteral: a body with no JSON text (undefined) holds no key whatever stands in
  const text = jsonText(body) ?? '';
  if (text === TOO_DEEP) return TOO_DEEP;
  const clean = redact(text, secret);
  return clean === text ? body : JSON.parse(clean);
}

/** `"<title>: <detail>"` of a problem document, or undefined when it is not one. */
function problemText(body: unknown): string | undefined {
  if (!isRecord(body) || 'message' in body) return undefined;
  const parts = [body['title'], body['detail']].filter((part) => typeof part === 'string' && part !== '');
  return parts.join(': ') || undefined;
}

/** A value with the request id that produced it; conditional, as the official one, so editors show `Model & {…}`. */
export type WithRequestID<T> =
  T extends Page<unknown>
    ? T
    : T & {
        /** The `x-request-id` of the answer; non-enumerable, so `JSON.stringify` leaves it out. */
        _request_id?: string | null;
      };

export function withRequestID<T extends object>(value: T, requestID: string | null): WithRequestID<T> {
  // Not enumerable, so JSON.stringify leaves it out; the cast is what defineProperty just made true.
  return Object.defineProperty(value, '_request_id', {
    value: requestID,
    configurable: true,
    writable: true,
  }) as WithRequestID<T>;
}
