import { APIResponseValidationError, redact, redactHeaders, snippet } from '../errors.js';
import type { Model, ModelDeleted, ModelsListResponse } from '../types.js';
import type { Page } from '../pagination.js';
import { isRecord } from './record.js';

// Just enough that a garbled or foreign 2xx becomes a clear error, lenient enough for compatible servers.

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
    // The item's path is built only when it fails: for every item, it would cost more than the check.
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

/** A 2xx body, parsed and checked against `shape`, with its `_request_id`; errors quote it scrubbed. */
export function parseBody<T extends object>(
  text: string,
  response: Response,
  shape: Shape<T>,
  secret: string,
): WithRequestID<T> {
  const fail = (error: unknown, what: string): APIResponseValidationError =>
    new APIResponseValidationError(response.status, error, `response ${what}`, redactHeaders(response.headers, secret));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const redacted = redact(text, secret);
    throw fail(redacted, text.trim() === '' ? 'body is empty' : `body is not valid JSON: ${snippet(redacted)}`);
  }
  if (!shape.is(value)) {
    const redacted = redact(text, secret);
    // Parsed again only when the key was scrubbed: a large body is held once.
    // Stryker disable next-line ConditionalExpression: parsing the unchanged text again gives an equal value, only costs memory
    throw fail(redacted === text ? value : JSON.parse(redacted), `${shape.problem(value)}: ${snippet(redacted)}`);
  }
  return withRequestID(value, response.headers.get('x-request-id'));
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
