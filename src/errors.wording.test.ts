/**
 * What a user reads of an error: its class name (what `String(error)`,
 * a stack trace and the CLI print first), its message when a server sends
 * little or odd, and the quoted snippet of a body that is not what was
 * expected.
 */
import { describe, expect, it } from 'vitest';
import { CLIError } from './cli/cli-error.js';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseTooLargeError,
  APIResponseValidationError,
  APIUserAbortError,
  NotFoundError,
  OpenAIError,
} from './index.js';

const KEY = 'sk-wording-test-0123456789';
function answering(status: number, body: string): OpenAI {
  return new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    maxRetries: 0,
    fetch: async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
  });
}
const failure = (promise: PromiseLike<unknown>): Promise<Error> =>
  Promise.resolve(promise).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error,
  );

describe('every error says its class', () => {
  it.each([
    ['OpenAIError: x', () => new OpenAIError('x')],
    ['APIResponseValidationError: 200 response body is empty', () => new APIResponseValidationError(200, undefined, 'response body is empty', new Headers())],
    ['APIResponseTooLargeError: 200 response body is larger than maxResponseSize (10 bytes); raise it if the answer is genuine.', () => new APIResponseTooLargeError(200, new Headers(), 10)],
    ['APIUserAbortError: Request was aborted.', () => new APIUserAbortError()],
    ['APIUserAbortError: Stopped by the user.', () => new APIUserAbortError({ message: 'Stopped by the user.' })],
    ['APIConnectionError: Connection error.', () => new APIConnectionError()],
    ['APIConnectionTimeoutError: Request timed out.', () => new APIConnectionTimeoutError()],
    ['CLIError: no field', () => new CLIError('no field', { command: 'list' })],
  ])('%s', (shown, make) => {
    // Made inside the test, so that Stryker's per-test coverage sees the constructor run here.
    const error = make();
    expect(String(error)).toBe(shown);
    expect(error.stack?.split('\n')[0]).toBe(shown);
  });
});

describe('messages when a server says little or something odd', () => {
  it('no status and nothing said', () => {
    expect(new APIError(undefined, undefined, undefined, undefined).message).toBe('(no status code or body)');
    expect(new APIError(undefined, '', undefined, undefined).message).toBe('(no status code or body)');
    expect(new APIError(502, '', undefined, undefined).message).toBe('502 status code (no body)');
  });

  it('a body of only white space counts as no body', async () => {
    const error = await failure(answering(404, ' \n\t ').models.retrieve('x'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('404 status code (no body)');
  });

  it('a body with its own `message` is quoted by it, even beside problem-document fields', async () => {
    const error = await failure(answering(404, JSON.stringify({ message: 'Model not found', title: 'Not Found', status: 404 })).models.retrieve('x'));
    expect(error.message).toBe('404 Model not found');
  });

  it('a problem document with an empty title or detail does not print an empty part', async () => {
    const noTitle = await failure(answering(404, JSON.stringify({ title: '', detail: 'No model x' })).models.retrieve('x'));
    expect(noTitle.message).toBe('404 No model x');
    const noDetail = await failure(answering(404, JSON.stringify({ title: 'Not Found', detail: '' })).models.retrieve('x'));
    expect(noDetail.message).toBe('404 Not Found');
  });
});

describe('the quoted snippet of a body', () => {
  it('folds every run of white space into one space and trims the ends', async () => {
    const error = await failure(answering(200, '  <html>\n\n  <body>\toops</body>  \n').models.retrieve('x'));
    expect(error.message).toBe('200 response body is not valid JSON: "<html> <body> oops</body>"');
  });

  it('keeps 200 characters whole and cuts the 201st with an ellipsis', async () => {
    const exact = await failure(answering(200, 'x'.repeat(200)).models.retrieve('x'));
    expect(exact.message).toBe(`200 response body is not valid JSON: "${'x'.repeat(200)}"`);
    const longer = await failure(answering(200, 'y'.repeat(201)).models.retrieve('x'));
    expect(longer.message).toBe(`200 response body is not valid JSON: "${'y'.repeat(200)}…"`);
  });
});
