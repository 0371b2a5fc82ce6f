import { createQuerySerializer, type Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import { APIPromise } from '../api-promise.js';
import { OpenAIError } from '../errors.js';
import { Page, PagePromise } from '../pagination.js';
import type { RequestOptionsWithBody } from '../request-options.js';
import { MAX_TIMEOUT_MS } from './defaults.js';
import { wasCutAt, type Attempt, type Limits, type Transport } from './transport.js';
import { parseBody, toAPIError, withRequestID, type Operation, type StrictValidation } from './validate.js';

/** What a resource method adds to its typed openapi-fetch call, next to the call's `params`. */
// A type, not an interface: openapi-fetch's init wants an index signature.
export type CallInit = {
  /** The body is left to the caller: `transport.read`, or the caller of `.asResponse()`. */
  parseAs: 'stream';
  fetch: (request: Request) => Promise<Response>;
  headers: Record<string, string | null | undefined>;
  querySerializer: (query: Record<string, unknown>) => string;
  /** `delete`'s extra JSON body: the spec declares none, so openapi-fetch types it `never`, yet sends it. */
  body?: never;
};

/** A typed call of `client.api`, e.g. `(api, init) => api.GET('/models/{model}', { params, ...init })`. */
export type TypedCall = (api: Client<paths>, init: CallInit) => Promise<{ error?: unknown; response: Response }>;

const serializeQuery = createQuerySerializer();

/** Makes the SDK's calls from typed openapi-fetch calls. */
export interface Caller {
  one<T extends object>(
    method: 'GET' | 'DELETE',
    call: TypedCall,
    operation: Operation,
    options?: RequestOptionsWithBody,
  ): APIPromise<T>;
  page<Item>(call: TypedCall, operation: Operation, options?: RequestOptionsWithBody): PagePromise<Item>;
}

/** openapi-fetch's `querySerializer`: `defaultQuery`, then the call's own query. */
export function querySerializer(defaultQuery: Record<string, unknown>, extra?: Record<string, unknown>) {
  return (query: Record<string, unknown>): string => serializeQuery({ ...defaultQuery, ...query, ...extra });
}

/** Per-request options in; out, a typed error for a non-2xx answer, or a checked body. */
export function createCaller(
  api: Client<paths>,
  transport: Transport,
  limits: Limits,
  defaultQuery: Record<string, string | undefined>,
  secret: string,
  strict: StrictValidation | undefined,
): Caller {
  /** The call's strict mode, checked; called before the request, so that a bad value sends nothing. */
  const strictOf = (options: RequestOptionsWithBody | undefined): StrictValidation | undefined =>
    options?.strictResponseValidation === undefined ? strict : checkStrict(options.strictResponseValidation);
  const send =
    (method: 'GET' | 'DELETE', call: TypedCall, options: RequestOptionsWithBody | undefined) =>
    // async: a refused option or id rejects the call's promise rather than throwing where nobody catches.
    async (parseAs: 'text' | 'stream'): Promise<{ response: Response; text: string | undefined }> => {
      const callLimits = options === undefined ? limits : { ...checkLimits(options, limits), signal: options.signal };
      strictOf(options);
      if (method === 'GET' && options?.body !== undefined) throw new OpenAIError('A GET request cannot carry a body');
      let sent: { attempt: Attempt } | undefined;
      try {
        const { error, response } = await call(api, {
          parseAs: 'stream',
          // `.asResponse()` hands the body on: guarded. Else this call reads `fetch`'s own, below.
          fetch:
            // Stryker disable next-line ConditionalExpression: read() reads a guarded body the same, only slower
            parseAs === 'stream'
              ? (request) => transport.fetch(request, callLimits)
              : async (request) => (sent = await transport.send(request, callLimits)).response,
          headers: options?.headers ?? {},
          querySerializer: querySerializer(defaultQuery, options?.query),
          body: options?.body as never,
        });
        if (!response.ok) throw toAPIError(response, error, secret, wasCutAt(response));
        if (parseAs === 'stream') return { response, text: undefined };
        // A middleware's answer too: read within the attempt this call made.
        return { response, text: await transport.read(response, sent?.attempt, callLimits.maxResponseSize) };
      } finally {
        // Also when a middleware threw, or answered instead of this attempt's response.
        sent?.attempt.end();
      }
    };
  return {
    one: (method, call, operation, options) =>
      new APIPromise(send(method, call, options), (text, response) =>
        parseBody(text, response, operation, secret, strictOf(options)),
      ),
    page: <Item>(call: TypedCall, operation: Operation, options?: RequestOptionsWithBody) =>
      new PagePromise<Item>(send('GET', call, options), (text, response) => {
        const body = parseBody<{ object: 'list'; data: Item[] }>(text, response, operation, secret, strictOf(options));
        return withRequestID(new Page(body), body._request_id ?? null);
      }),
  };
}

type Sizes = Omit<Limits, 'signal'>;

/** The limits `options` set, each checked, over `base`'s; `null` reads as unset, as in the official SDK. */
export function checkLimits(options: { [name in keyof Sizes]?: number | null | undefined }, base: Sizes): Sizes {
  const limit = (name: keyof Sizes, ok: (n: number) => boolean, rule: string): number => {
    const value = options[name] ?? base[name];
    if (!ok(value)) throw new OpenAIError(`${name} must be ${rule}, got ${describe(value)}`);
    return value;
  };
  return {
    timeout: limit(
      'timeout',
      (ms) => typeof ms === 'number' && ms > 0 && ms <= MAX_TIMEOUT_MS,
      'a positive number of milliseconds (at most 2^31-1)',
    ),
    maxRetries: limit('maxRetries', (n) => Number.isInteger(n) && n >= 0, 'a whole number >= 0'),
    maxResponseSize: limit('maxResponseSize', (n) => Number.isSafeInteger(n) && n >= 1, 'a whole number >= 1'),
  };
}

/** `strictResponseValidation` as given: `openai-models/strict`'s (or any `StrictValidation`), or off. */
export function checkStrict(value: unknown): StrictValidation | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof (value as Partial<StrictValidation> | null)?.problem === 'function') return value as StrictValidation;
  throw new OpenAIError(
    `strictResponseValidation must be the one from 'openai-models/strict', or false; got ${describe(value)}`,
  );
}

/**
 * openapi-fetch's `pathSerializer`, encoding as the official clients do: RFC 3986 `pchar`s stay (`ft:x:y`),
 * `a/b` becomes `a%2Fb`. What would name another URL (`""`, `.`, `..`) or cannot be encoded is refused.
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{([^{}]+)\}/g, (_, name: string) => encodePathParam(name, params[name]));
}

export function encodePathParam(name: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new OpenAIError(`Expected a string for \`${name}\` but received ${describe(value)}`);
  if (value === '') throw new OpenAIError(`Expected a non-empty value for \`${name}\` but received ''`);
  if (value === '.' || value === '..') {
    throw new OpenAIError(
      `Value '${value}' can't be safely passed as the \`${name}\` path parameter: the URL would name another endpoint`,
    );
  }
  if (!value.isWellFormed())
    throw new OpenAIError(`Expected well-formed Unicode for \`${name}\` but it contains a lone surrogate`);
  return value.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
}

/** A value as an error message quotes it; an object is only named, as `String()` of one may throw. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
