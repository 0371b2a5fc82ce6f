import type { StrictValidation } from './internal/validate.js';

/** Per-request options; each overrides the client's setting for one call. */
export interface RequestOptions {
  /** Extra headers; a `null` value removes a default header (e.g. `{ 'OpenAI-Organization': null }`). */
  headers?: Record<string, string | null | undefined> | undefined;
  /** Extra query parameters, merged over the client's `defaultQuery`. */
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /** Timeout of each attempt in ms. @default the client's `timeout` */
  timeout?: number | undefined;
  /** How many times to retry. @default the client's `maxRetries` */
  maxRetries?: number | undefined;
  /** Most bytes of the answer's body to read, after decompression. @default the client's `maxResponseSize` */
  maxResponseSize?: number | undefined;
  /**
   * Checks the answer against the spec's schema: `strictResponseValidation` from `openai-models/strict`, or
   * `false` to turn the client's off for this call. @default the client's `strictResponseValidation`
   */
  strictResponseValidation?: StrictValidation | false | undefined;
  /** Aborts the call (at once, even during a wait between retries) with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
}

/** Options of a call that may carry a body (`delete`). */
export interface RequestOptionsWithBody extends RequestOptions {
  /** Extra JSON properties to send as the request body. */
  body?: Record<string, unknown> | undefined;
}
