import { APIResponseValidationError, redact, redactHeaders, snippet } from '../errors.js';
import type { Model, ModelDeleted, ModelsListResponse } from '../types.js';
import type { Page } from '../pagination.js';
import type { Sent } from './transport.js';
import { isRecord } from './record.js';

/**
 * Run-time checks of 2xx bodies: just enough that a garbled or foreign answer
 * becomes a clear error instead of a wrong value, lenient enough for
 * OpenAI-compatible servers (see types.ts).
 */
/** What is wrong with `value`, named from `at` (`body`, `body.data[3]`); undefined when nothing is. */
type Problem = (value: unknown, at?: string) => string | undefined;

const modelProblem: Problem = (value, at = 'body') => {
  if (!isRecord(value)) return `${at} is not an object`;
  if (typeof value['id'] !== 'string') return `${at}.id is not a string`;
  return undefined;
};

const listProblem: Problem = (value, at = 'body') => {
  if (!isRecord(value)) return `${at} is not an object`;
  const data = value['data'];
  if (!Array.isArray(data)) return `${at}.data is not an array`;
  for (let i = 0; i < data.length; i++) {
    // The item's path is built only when it fails: a template string per
    // model made checking a 100-model list ~8x slower (issue 6, BENCHMARKS.md).
    if (modelProblem(data[i]) !== undefined) return modelProblem(data[i], `${at}.data[${i}]`);
  }
  return undefined;
};

const deletedProblem: Problem = (value, at = 'body') => {
  if (!isRecord(value)) return `${at} is not an object`;
  if (typeof value['id'] !== 'string') return `${at}.id is not a string`;
  if (typeof value['deleted'] !== 'boolean') return `${at}.deleted is not a boolean`;
  return undefined;
};

/** A body shape: a type guard, and what is wrong when the guard says no. */
export interface Shape<T> {
  is(value: unknown): value is T;
  problem: Problem;
}

function shape<T>(problem: Problem): Shape<T> {
  return { is: (value): value is T => problem(value) === undefined, problem };
}

export const modelShape = shape<Model>(modelProblem);
export const modelsListShape = shape<ModelsListResponse>(listProblem);
export const modelDeletedShape = shape<ModelDeleted>(deletedProblem);

/**
 * Parses a 2xx body and checks it against `shape`; the parsed object carries the
 * request id as a non-enumerable `_request_id` (as in the official SDK), so
 * it never shows up in `JSON.stringify`.
 */
export function parseBody<T extends object>(
  sent: Sent,
  shape: Shape<T>,
  secret: string,
): WithRequestID<T> {
  const { response } = sent;
  // Stryker disable next-line StringLiteral: only `parse` mode parses, and it always reads the body, so text is never undefined here
  const raw = sent.text ?? '';
  // The key is scrubbed only from what an error would quote: a 2xx body is
  // the caller's own data, and scanning every one costs ~2.5 us on a list.
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw notJSON(response, raw, secret);
  }
  if (!shape.is(value)) {
    const redacted = redact(raw, secret);
    // Parsed again only when the key had to be scrubbed: a second parse of a
    // large body would hold it twice (a crafted one can take 40 times its
    // size parsed: README, "Safety").
    // Stryker disable next-line ConditionalExpression: parsing an unchanged text again gives an equal value, it only costs memory; always reusing `value` is caught by the EqualityOperator mutant (validation.test.ts, the scrubbed key)
    const error: unknown = redacted === raw ? value : JSON.parse(redacted);
    throw new APIResponseValidationError(
      response.status,
      error,
      `response ${shape.problem(value)}: ${snippet(redacted)}`,
      redactHeaders(response.headers, secret),
    );
  }
  return withRequestID(value, response.headers.get('x-request-id'));
}

/** The error of a 2xx body that is not JSON: what came back, with `secret` scrubbed. */
export function notJSON(response: Response, raw: string, secret: string): APIResponseValidationError {
  const redacted = redact(raw, secret);
  const what = raw.trim() === '' ? 'is empty' : `is not valid JSON: ${snippet(redacted)}`;
  return new APIResponseValidationError(response.status, redacted, `response body ${what}`, redactHeaders(response.headers, secret));
}

/**
 * A parsed object with the request id that produced it, as in the official
 * SDK. A conditional type, like the official one, so that editors show
 * `Model & { _request_id?: string | null }` rather than this alias; a `Page`
 * declares `_request_id` itself, so it shows as `Page<Model>`.
 */
export type WithRequestID<T> = T extends Page<unknown>
  ? T
  : T & {
      /** The `x-request-id` of the answer; non-enumerable, so `JSON.stringify` leaves it out. */
      _request_id?: string | null;
    };

export function withRequestID<T extends object>(value: T, requestID: string | null): WithRequestID<T> {
  // TypeScript cannot follow a generic value into the conditional type; the
  // property it promises is defined right here.
  // Not enumerable (the default of defineProperty), so JSON.stringify leaves it out.
  return Object.defineProperty(value, '_request_id', { value: requestID, configurable: true, writable: true }) as WithRequestID<T>;
}
