/**
 * `openai-models/error` (and `/core/error`), the counterpart of `openai/error`: the same classes as
 * `openai-models`. contract-tests/cli-package.test.ts checks that this list is every error class of the
 * main entry, so the two lists cannot drift.
 */
export {
  OpenAIError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  APIResponseTooLargeError,
  APIResponseValidationError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
} from '../index.js';
