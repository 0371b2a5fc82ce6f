/**
 * The API key over a real socket: whatever a server or proxy echoes back, in
 * a body (also one cut at 64 KiB), a garbled 2xx or the headers and request
 * id of an answer, never reaches an error, its JSON, util.inspect or a log
 * line; nor does a fetch that throws with the key in its words.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { json } from '../../contract-tests/support/local-server.js';
import { closeServer, failure, KEY, sequence, serve } from '../__tests__/transport-harness.js';
import OpenAI, { APIError, APIResponseValidationError, InternalServerError } from '../index.js';
import { ERROR_BODY_LIMIT } from './transport.js';

afterEach(closeServer);

describe('secrets', () => {
  it('never shows the API key, even when a proxy echoes it back', async () => {
    const { client } = await serve(
      (req, res) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`upstream refused request with headers ${JSON.stringify(req.headers)}`);
      },
      { maxRetries: 0 },
    );
    const error = await failure(client.models.list());
    const { inspect } = await import('node:util');
    for (const text of [
      String(error),
      (error as Error).stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(text).not.toContain(KEY);
    }
    expect((error as Error).message).toContain('[REDACTED]');
  });
});

describe('secrets in garbled 2xx answers', () => {
  it('scrubs the key from a wrong-shape or non-JSON 200 that echoes it', async () => {
    const { client } = await serve(
      sequence(
        (res) => json(res, 200, { object: 'list', data: 'nope', echo: KEY }),
        (res) => void res.writeHead(200).end(`<html>${KEY}</html>`),
      ),
    );
    for (const error of [await failure(client.models.list()), await failure(client.models.list())]) {
      expect(error).toBeInstanceOf(APIResponseValidationError);
      const { inspect } = await import('node:util');
      expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`).not.toContain(KEY);
    }
  });
});

describe('secrets in the headers of an answer', () => {
  // A proxy that echoes the request's Authorization back as the request id and as a header of its own.
  const echo = (req: IncomingMessage): Record<string, string> => ({
    'x-request-id': req.headers.authorization ?? '',
    'x-echo-authorization': req.headers.authorization ?? '',
  });
  const answers: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    'an error status': (req, res) =>
      json(res, 401, { error: { message: 'no', type: 'invalid_request_error', param: null, code: null } }, echo(req)),
    'a wrong-shape 200': (req, res) => json(res, 200, { object: 'list', data: 'nope' }, echo(req)),
    'a non-JSON 200': (req, res) => void res.writeHead(200, echo(req)).end('<html>'),
    'a 200 declaring too much': (req, res) =>
      void res.writeHead(200, { ...echo(req), 'content-length': '2048' }).end('x'.repeat(2048)),
    'a 200 too large as read': (req, res) => void res.writeHead(200, echo(req)).end('x'.repeat(2048)),
  };

  it.each(Object.keys(answers))('keeps the key out of the error and the debug log of %s', async (name) => {
    const logged: unknown[] = [];
    const log = (...line: unknown[]): void => void logged.push(line);
    const { client } = await serve((req, res) => answers[name]?.(req, res), {
      maxRetries: 0,
      maxResponseSize: 1024,
      logLevel: 'debug',
      logger: { error: log, warn: log, info: log, debug: log },
    });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(APIError);
    if (!(error instanceof APIError)) return;
    expect(error.requestID).toBe('Bearer [REDACTED]');
    expect(error.headers?.get('x-echo-authorization')).toBe('Bearer [REDACTED]');
    const { inspect } = await import('node:util');
    expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`).not.toContain(KEY);
    expect(JSON.stringify(logged)).toContain('"requestID":"Bearer [REDACTED]"');
    expect(JSON.stringify(logged)).not.toContain(KEY);
  });

  it('leaves the headers of a clean answer as they came', async () => {
    const { client } = await serve(
      (_req, res) => json(res, 404, { error: { message: 'gone' } }, { 'x-request-id': 'req_1' }),
      { maxRetries: 0 },
    );
    const error = await failure(client.models.retrieve('x'));
    expect(error).toMatchObject({ requestID: 'req_1', message: '404 gone' });
  });

  it('scrubs a key cut in two where an error body is cut (64 KiB), also behind a middleware that copies the answer', async () => {
    // The first 10 characters of the key fall before the cut, the rest after it.
    const before = 'x'.repeat(ERROR_BODY_LIMIT - 10);
    const { client } = await serve((_req, res) => void res.writeHead(500).end(`${before}${KEY} and more`), {
      maxRetries: 0,
    });
    const error = await failure(client.models.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).error).toBe(`${before}[REDACTED]`);
    client.api.use({ onResponse: ({ response }) => new Response(response.body, response) });
    const behind = await failure(client.models.list());
    expect((behind as APIError).error).toBe(`${before}[REDACTED]`);
  });

  it('gives client.api an error body with the key scrubbed, whole or cut', async () => {
    const before = 'x'.repeat(ERROR_BODY_LIMIT - 10);
    const bodies = [`{"error":{"message":"bad key ${KEY}"}}`, `${before}${KEY} and more`];
    const { client } = await serve((_req, res) => void res.writeHead(400).end(bodies.shift()), { maxRetries: 0 });
    const whole = await client.api.GET('/models');
    expect(whole.error).toEqual({ error: { message: 'bad key [REDACTED]' } });
    const cut = await client.api.GET('/models');
    expect(cut.error).toBe(`${before}[REDACTED]`);
  });

  it('finds the key sent when the key given ends in a line break (a secret read from a file)', async () => {
    const { client } = await serve(
      (req, res) => json(res, 401, { error: { message: `bad key ${req.headers.authorization}` } }, echo(req)),
      {
        apiKey: `${KEY}\n`,
        maxRetries: 0,
      },
    );
    const error = await failure(client.models.list());
    expect(error).toMatchObject({ message: '401 bad key Bearer [REDACTED]', requestID: 'Bearer [REDACTED]' });
  });
});

describe('a fetch that throws', () => {
  it('that quotes the key (a proxy agent printing the request): the cause is a scrubbed copy, util.inspect shows no key', async () => {
    // Every call reaches fetch as a Request.
    const fetch = (request: string | URL | Request): Promise<Response> =>
      Promise.reject(
        new Error('proxy refused', {
          cause: new Error(`headers: ${(request as Request).headers.get('authorization')}`),
        }),
      );
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch });
    const error = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'Connection error: proxy refused: headers: Bearer [REDACTED]' });
    expect((error as Error).cause).toEqual(new Error('proxy refused: headers: Bearer [REDACTED]'));
    const { inspect } = await import('node:util');
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
  });
});
