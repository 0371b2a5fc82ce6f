/**
 * What a user reads of an error: its class name (what `String(error)`,
 * a stack trace and the CLI print first), its message when a server sends
 * little or odd, also over a real socket (an HTML page from a proxy, a
 * compatible server's own error bodies), and the quoted snippet of a body
 * that is not what was expected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, sequence, serve, status } from './__tests__/transport-harness.js';
import { CLIError } from './cli/cli-error.js';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseTooLargeError,
  APIResponseValidationError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  OpenAIError,
} from './index.js';

afterEach(closeServer);

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
    [
      'APIResponseValidationError: 200 response body is empty',
      () => new APIResponseValidationError(200, undefined, 'response body is empty', new Headers()),
    ],
    [
      'APIResponseTooLargeError: 200 response body is larger than maxResponseSize (10 bytes); raise it if the answer is genuine.',
      () => new APIResponseTooLargeError(200, new Headers(), 10),
    ],
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
    const error = await failure(
      answering(404, JSON.stringify({ message: 'Model not found', title: 'Not Found', status: 404 })).models.retrieve(
        'x',
      ),
    );
    expect(error.message).toBe('404 Model not found');
  });

  it('a problem document with an empty title or detail does not print an empty part', async () => {
    const noTitle = await failure(
      answering(404, JSON.stringify({ title: '', detail: 'No model x' })).models.retrieve('x'),
    );
    expect(noTitle.message).toBe('404 No model x');
    const noDetail = await failure(
      answering(404, JSON.stringify({ title: 'Not Found', detail: '' })).models.retrieve('x'),
    );
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

describe('answers that are not what they should be', () => {
  it('reports an HTML 502 from a proxy with what came back', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const { client } = await serve(
      (_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(html);
      },
      { maxRetries: 0 },
    );
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(InternalServerError);
    if (!(error instanceof APIError)) return;
    expect(error.status).toBe(502);
    expect(error.message).toBe(`502 status code (body is not JSON: ${JSON.stringify(html.replace(/\s+/g, ' '))})`);
    expect(error.error).toBe(html);
  });

  it('reports an empty 500 as "(no body)"', async () => {
    const { client } = await serve((_req, res) => void res.writeHead(500).end(), { maxRetries: 0 });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe('500 status code (no body)');
    expect((error as APIError).error).toBeUndefined();
  });

  it('names a JSON error body nested too deeply to quote, on every Node alike', async () => {
    // 60 KB of brackets, within the 64 KiB read of an error body: JSON.parse reads them; JSON.stringify
    // would give up at a depth that depends on the stack and the Node version.
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const { client } = await serve((_req, res) => void res.writeHead(400, { 'x-request-id': 'req_deep' }).end(deep), {
      maxRetries: 0,
    });
    const error = await failure(client.models.retrieve('x'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ requestID: 'req_deep', message: '400 (JSON nested too deeply to show)' });
    // Too deep to write back is too deep to scrub of the key: it is only named, never kept.
    expect((error as APIError).error).toBe('(JSON nested too deeply to show)');
    expect(JSON.stringify(error)).toContain('nested too deeply');
  });

  it("words a compatible server's non-OpenAI error bodies sensibly", async () => {
    const { client } = await serve(
      sequence(
        status(404, {}, { detail: 'Not Found' }),
        status(404, {}, { type: 'about:blank', title: 'Route not resolved', detail: 'no path matched', status: 404 }),
        status(418, {}, { unexpected: true }),
        status(400, {}, { error: 'model is required' }),
        status(422, {}, { message: 'bad input' }),
        status(500, {}, 'upstream exploded'),
        status(500, {}, 42),
        status(500, {}, null),
        status(500, {}, ''),
      ),
      { maxRetries: 0 },
    );
    expect(((await failure(client.models.list())) as Error).message).toBe('404 Not Found');
    expect(((await failure(client.models.list())) as Error).message).toBe('404 Route not resolved: no path matched');
    expect(((await failure(client.models.list())) as Error).message).toBe('418 {"unexpected":true}');
    expect(((await failure(client.models.list())) as Error).message).toBe('400 model is required');
    expect(((await failure(client.models.list())) as Error).message).toBe('422 bad input');
    // openapi-fetch hands over a JSON string parsed, the same as a body that is no JSON: said as the latter.
    expect(((await failure(client.models.list())) as Error).message).toBe(
      '500 status code (body is not JSON: "upstream exploded")',
    );
    expect(((await failure(client.models.list())) as Error).message).toBe('500 42');
    expect(((await failure(client.models.list())) as Error).message).toBe('500 null');
    expect(((await failure(client.models.list())) as Error).message).toBe('500 status code (no body)');
  });

  it('keeps type, param and code only when the error object gives them as strings (or null)', async () => {
    const { client } = await serve(
      sequence(
        status(400, {}, { error: { message: 'odd', type: 42, param: 7, code: false } }),
        status(400, {}, { error: { message: 'usual', type: 'invalid_request_error', param: null, code: 'bad_model' } }),
      ),
      { maxRetries: 0 },
    );
    const odd = (await failure(client.models.list())) as APIError;
    expect([odd.message, odd.type, odd.param, odd.code]).toEqual(['400 odd', undefined, undefined, undefined]);
    const usual = (await failure(client.models.list())) as APIError;
    expect([usual.message, usual.type, usual.param, usual.code]).toEqual([
      '400 usual',
      'invalid_request_error',
      null,
      'bad_model',
    ]);
  });
});
