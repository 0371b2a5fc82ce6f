import { createQuerySerializer } from 'openapi-fetch';
import { APIPromise, type Start } from '../api-promise.js';
import { jsonText, OpenAIError, toAPIError, TOO_DEEP } from '../errors.js';
import { Page, PagePromise } from '../pagination.js';
import type { RequestOptionsWithBody } from '../request-options.js';
import { ERROR_BODY_LIMIT, readBody } from './body.js';
import { send, type Sent, type SendOptions, type TransportConfig } from './transport.js';
import { parseBody, withRequestID, type Shape, type WithRequestID } from './validate.js';

/**
 * What the client adds to a typed openapi-fetch call of a resource method:
 * its per-request options, and the transport as openapi-fetch's per-request
 * `fetch`. Spread into the call's options, next to its typed `params`.
 */
export type CallInit = {
  /** The transport reads the body (within the attempt's timeout); openapi-fetch must not read it again. */
  parseAs: 'stream';
  fetch: (request: Request) => Promise<Response>;
  headers?: Record<string, string | null | undefined>;
  querySerializer?: (query: Record<string, unknown>) => string;
  /**
   * The SDK's extra JSON body (`delete`'s `body` option). The spec declares
   * no request body, so openapi-fetch types `body` as `never`; it still
   * serializes one, with `Content-Type: application/json`.
   */
  body?: never;
};

/** A typed openapi-fetch call, e.g. `(init) => api.GET('/models/{model}', { params, ...init })`. */
export type TypedCall = (init: CallInit) => Promise<{ response: Response; error?: unknown }>;

export interface CallSettings {
  transport: TransportConfig;
  timeout: number;
  maxRetries: number;
  maxResponseSize: number;
  defaultQuery: Record<string, string | undefined>;
}

const serializeQuery = createQuerySerializer();

/**
 * Turns typed openapi-fetch calls into the SDK's calls: an `APIPromise` of a
 * checked body, a typed error for a non-2xx answer, per-request options.
 */
export class Caller {
  readonly #settings: CallSettings;
  /** The SendOptions of a call without per-request options, made once. */
  readonly #parse: SendOptions;
  readonly #raw: SendOptions;

  constructor(settings: CallSettings) {
    this.#settings = settings;
    this.#parse = { timeout: settings.timeout, maxRetries: settings.maxRetries, maxResponseSize: settings.maxResponseSize, mode: 'parse' };
    this.#raw = { ...this.#parse, mode: 'raw' };
  }

  /** openapi-fetch's `querySerializer`: `defaultQuery`, then the call's own query. */
  querySerializer(extra?: Record<string, unknown>): (query: Record<string, unknown>) => string {
    const { defaultQuery } = this.#settings;
    // Stryker disable next-line ConditionalExpression: skipping the shortcut builds a closure that serializes the same query; it only costs time
    if (extra === undefined && Object.keys(defaultQuery).length === 0) return serializeQuery;
    return (query) => serializeQuery({ ...defaultQuery, ...query, ...extra });
  }

  /** A call returning one object of `shape`. */
  one<T extends object>(method: 'GET' | 'DELETE', call: TypedCall, shape: Shape<T>, options: RequestOptionsWithBody | undefined): APIPromise<T> {
    const secret = this.#settings.transport.secret;
    return new APIPromise(this.#start(method, call, options), (sent) => parseBody(sent, shape, secret));
  }

  /** A call returning a page of items: the body is checked against `shape`, then wrapped in a `Page`. */
  page<Item>(call: TypedCall, shape: Shape<{ object: 'list'; data: Item[] }>, options: RequestOptionsWithBody | undefined): PagePromise<Item> {
    const secret = this.#settings.transport.secret;
    return new PagePromise(this.#start('GET', call, options), (sent): WithRequestID<Page<Item>> => {
      const body = parseBody(sent, shape, secret);
      return withRequestID(new Page(body), body._request_id ?? null);
    });
  }

  #start(method: 'GET' | 'DELETE', call: TypedCall, options: RequestOptionsWithBody | undefined): Start {
    const settings = this.#settings;
    // async: a refused option or id must reject the call's promise, never
    // throw inside APIPromise's microtask (that would be an uncaught exception).
    return async (raw) => {
      const sendOptions = options === undefined ? (raw ? this.#raw : this.#parse) : this.#sendOptions(options, raw);
      let sent: Sent | undefined;
      const init: CallInit = {
        parseAs: 'stream',
        fetch: (request) => send(request, sendOptions, settings.transport).then((s) => (sent = s).response),
      };
      if (options !== undefined) {
        if (options.headers) init.headers = options.headers;
        init.querySerializer = this.querySerializer(options.query);
        if (options.body !== undefined) {
          if (method === 'GET') throw new OpenAIError('A GET request cannot carry a body');
          init.body = options.body as never;
        }
      }
      const result = await call(init);
      const { response } = result;
      // A middleware may have answered instead of the transport: read what it gave.
      const fromTransport = sent?.response === response ? sent : undefined;
      const text = fromTransport ? fromTransport.text : await middlewareText(result, raw, sendOptions.maxResponseSize, settings.transport.secret);
      if (!response.ok) {
        const cutAt = fromTransport?.truncated ? ERROR_BODY_LIMIT : undefined;
        // Stryker disable next-line StringLiteral: an error status always has its body read, by the transport or middlewareText, so text is never undefined here
        throw toAPIError(response.status, response.headers, text ?? '', settings.transport.secret, cutAt);
      }
      return { response, text, limit: sendOptions.maxResponseSize, secret: settings.transport.secret };
    };
  }

  #sendOptions(options: RequestOptionsWithBody, raw: boolean): SendOptions {
    return {
      timeout: options.timeout === undefined ? this.#settings.timeout : checkTimeout(options.timeout),
      maxRetries: options.maxRetries === undefined ? this.#settings.maxRetries : checkRetries(options.maxRetries),
      maxResponseSize: options.maxResponseSize === undefined ? this.#settings.maxResponseSize : checkSize(options.maxResponseSize),
      // The caller's signal goes to the transport, not onto the Request:
      // linking it there would cost every call, and the transport is what aborts.
      signal: options.signal,
      mode: raw ? 'raw' : 'parse',
    };
  }
}

/** The body of a Response a middleware supplied; openapi-fetch already parsed a non-2xx one into `error`. */
async function middlewareText(
  { response, error }: { response: Response; error?: unknown },
  raw: boolean,
  limit: number,
  secret: string,
): Promise<string | undefined> {
  if (response.ok) return raw ? undefined : (await readBody(response, limit, secret)).text;
  if (typeof error === 'string') return error;
  const text = jsonText(error);
  // Too deep to write back: as a JSON string, toAPIError words it as the transport's road does.
  return text === TOO_DEEP ? JSON.stringify(TOO_DEEP) : (text ?? '');
}

export function checkTimeout(ms: number): number {
  if (typeof ms !== 'number' || !(ms > 0) || ms > 2_147_483_647) {
    throw new OpenAIError(`timeout must be a positive number of milliseconds (at most 2^31-1), got ${String(ms)}`);
  }
  return ms;
}

export function checkRetries(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new OpenAIError(`maxRetries must be a whole number >= 0, got ${String(n)}`);
  return n;
}

export function checkSize(bytes: number): number {
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new OpenAIError(`maxResponseSize must be a whole number >= 1, got ${String(bytes)}`);
  return bytes;
}
