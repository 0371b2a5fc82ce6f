import createClient, { mergeHeaders, type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseTooLargeError,
  APIResponseValidationError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
import { isBrowserLike } from './internal/browser.js';
import { checkLimits, checkStrict, createCaller, querySerializer, serializePath } from './internal/call.js';
import { envLogLevel, leveled, type Logger, type LogLevel } from './internal/logger.js';
import { DEFAULTS, readEnv } from './internal/defaults.js';
import type { StrictValidation } from './internal/validate.js';
import { createTransport, globalFetch, type Fetch } from './internal/transport.js';
import * as Pagination from './pagination.js';
import type { RequestOptions } from './request-options.js';
import { Models, type Model, type ModelDeleted, type ModelsPage } from './resources/models.js';

export interface ClientOptions {
  /** API key, sent as `Authorization: Bearer <key>`. @default process.env.OPENAI_API_KEY */
  apiKey?: string | undefined;
  /**
   * Base URL of the API; a path prefix (`https://host/api/v1`) and a trailing slash both work.
   * @default process.env.OPENAI_BASE_URL, else `https://api.openai.com/v1`
   */
  baseURL?: string | null | undefined;
  /** Sent as `OpenAI-Organization`. @default process.env.OPENAI_ORG_ID */
  organization?: string | null | undefined;
  /** Sent as `OpenAI-Project`. @default process.env.OPENAI_PROJECT_ID */
  project?: string | null | undefined;
  /** Timeout of each attempt in milliseconds, body included. @default 600000 (10 minutes) */
  timeout?: number | undefined;
  /** Retries after a 408, 409, 429, >= 500 or a connection failure. @default 2 */
  maxRetries?: number | undefined;
  /**
   * Most bytes of a response body to read, after decompression (undici's name); more fails with
   * `APIResponseTooLargeError`. Error bodies are read up to 64 KiB. @default 33554432 (32 MiB)
   */
  maxResponseSize?: number | undefined;
  /** A `fetch` to use instead of `globalThis.fetch` (a proxy agent, a test double...). */
  fetch?: Fetch | undefined;
  /** Headers sent with every request; `null` removes one the client would send. */
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /** Least severe level logged. @default process.env.OPENAI_LOG, else `'warn'` */
  logLevel?: LogLevel | undefined;
  /** Where log lines go. @default globalThis.console */
  logger?: Logger | undefined;
  /**
   * Checks every answer of `client.models.*` against the spec's schema, and refuses a 2xx that is not JSON:
   * pass `strictResponseValidation` from `openai-models/strict`. @default off (tolerant checks)
   */
  strictResponseValidation?: StrictValidation | false | undefined;
  /** Lets the client run in a browser, where anyone who opens the page can read the key. @default false */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * A client for the OpenAI Models API, with the official SDK's surface:
 *
 * ```ts
 * const client = new OpenAI(); // reads OPENAI_API_KEY
 * const model = await client.models.retrieve('gpt-4o-mini');
 * ```
 */
export class OpenAI {
  readonly #apiKey: string;
  readonly baseURL: string;
  readonly organization: string | null;
  readonly project: string | null;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly maxResponseSize: number;

  /** The models endpoints. */
  readonly models: Models;

  /**
   * The typed openapi-fetch client every call goes through, with the same auth, retries and timeout; its
   * middleware sees `client.models.*` too. Its calls return errors openapi-fetch's way rather than throw.
   */
  readonly api: Client<paths>;

  constructor(options: ClientOptions = {}) {
    // Trimmed as the Authorization header will be, so that an echo of it is found and scrubbed.
    const given: unknown = options.apiKey ?? readEnv('OPENAI_API_KEY');
    const apiKey = typeof given === 'string' ? given.trim() : '';
    if (apiKey === '') throw new OpenAIError(KEY_MISSING);
    if (options.dangerouslyAllowBrowser !== true && isBrowserLike()) throw new OpenAIError(BROWSER_REFUSED);
    this.#apiKey = apiKey;
    this.baseURL = checkBaseURL(options.baseURL ?? readEnv('OPENAI_BASE_URL') ?? DEFAULTS.baseURL);
    this.organization = options.organization === undefined ? (readEnv('OPENAI_ORG_ID') ?? null) : options.organization;
    this.project = options.project === undefined ? (readEnv('OPENAI_PROJECT_ID') ?? null) : options.project;
    const limits = checkLimits(options, DEFAULTS);
    const strict = checkStrict(options.strictResponseValidation);
    ({ timeout: this.timeout, maxRetries: this.maxRetries, maxResponseSize: this.maxResponseSize } = limits);
    const logger = options.logger ?? console;
    const level =
      options.logLevel ?? envLogLevel(readEnv('OPENAI_LOG'), (message) => logger.warn(message)) ?? DEFAULTS.logLevel;
    const log = leveled(level, logger);
    const transport = createTransport({ fetch: options.fetch ?? globalFetch, log, secret: apiKey });
    const defaultQuery = options.defaultQuery ?? {};
    const ours = {
      authorization: `Bearer ${apiKey}`,
      'openai-organization': this.organization,
      'openai-project': this.project,
    };
    let headers: Record<string, string>;
    try {
      headers = Object.fromEntries(mergeHeaders(ours, options.defaultHeaders));
    } catch {
      // Headers' own TypeError quotes the value, which may be the key.
      throw new OpenAIError('apiKey, organization, project and defaultHeaders must make valid HTTP headers');
    }
    this.api = createClient<paths>({
      baseUrl: this.baseURL,
      pathSerializer: serializePath,
      querySerializer: querySerializer(defaultQuery),
      headers,
      // client.api takes the caller's signal the openapi-fetch way, on the Request.
      fetch: (request) => transport.fetch(request, { ...limits, signal: request.signal }),
    });
    this.models = new Models(createCaller(this.api, transport, limits, defaultQuery, apiKey, strict));
  }

  /** The API key in use. A getter, so it never shows in `util.inspect(client)` or `JSON.stringify(client)`. */
  get apiKey(): string {
    return this.#apiKey;
  }

  static readonly DEFAULT_TIMEOUT = DEFAULTS.timeout;
  static readonly OpenAIError = OpenAIError;
  static readonly APIError = APIError;
  static readonly APIConnectionError = APIConnectionError;
  static readonly APIConnectionTimeoutError = APIConnectionTimeoutError;
  static readonly APIUserAbortError = APIUserAbortError;
  static readonly APIResponseValidationError = APIResponseValidationError;
  static readonly APIResponseTooLargeError = APIResponseTooLargeError;
  static readonly BadRequestError = BadRequestError;
  static readonly AuthenticationError = AuthenticationError;
  static readonly PermissionDeniedError = PermissionDeniedError;
  static readonly NotFoundError = NotFoundError;
  static readonly ConflictError = ConflictError;
  static readonly UnprocessableEntityError = UnprocessableEntityError;
  static readonly RateLimitError = RateLimitError;
  static readonly InternalServerError = InternalServerError;
}

/** `url` without trailing slashes, once it is an http(s) URL that fetch will accept. */
function checkBaseURL(url: string): string {
  // Everything after the scheme, if any, up to the last `@` is masked: an error never quotes a password.
  const shown = JSON.stringify(url.replace(/([a-z][\w+.-]*:[/\\]*)?.*@/is, '$1***@'));
  if (!/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url))
    throw new OpenAIError(`baseURL must be an http:// or https:// URL, got ${shown}`);
  // fetch refuses every request to such a URL, with a TypeError that quotes the password.
  const { username, password } = new URL(url);
  if (username || password) throw new OpenAIError(`baseURL must not hold credentials (user:password@), got ${shown}`);
  return url.replace(/\/+$/, '');
}

/** The official SDK's words, so a search for them finds the same answer. */
const KEY_MISSING =
  "The OPENAI_API_KEY environment variable is missing or empty; either provide it, or instantiate the OpenAI client with an apiKey option, like new OpenAI({ apiKey: 'My API Key' }).";
const BROWSER_REFUSED =
  "It looks like you're running in a browser-like environment.\n\nThis is disabled by default, as it risks exposing your secret API credentials to attackers.\nIf you understand the risks and have appropriate mitigations in place,\nyou can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\nnew OpenAI({ apiKey, dangerouslyAllowBrowser: true });\n\nhttps://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety\n";

// The official SDK's namespace, so that its type names (`OpenAI.Models.Model`, `OpenAI.Page`) still work.
OpenAI.Models = Models;
OpenAI.Page = Pagination.Page;

export declare namespace OpenAI {
  export type { RequestOptions };
  export import Page = Pagination.Page;
  export type PageResponse<Item> = Pagination.PageResponse<Item>;
  export { Models, type Model, type ModelDeleted, type ModelsPage };
}
