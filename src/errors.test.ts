import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIError,
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
import { redact, redactHeaders } from './internal/redact.js';
import { toAPIError } from './internal/validate.js';

/** An error body as openapi-fetch hands it over: parsed. */
const body = (message: string, code: string | null = null) => ({
  error: { message, type: 'invalid_request_error', param: null, code },
});
const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('toAPIError: status → class, in one place', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])('%i → %o', (status, Class) => {
    const error = toAPIError(answer(status, { 'x-request-id': 'req_1' }), body('m'), '');
    expect(error).toBeInstanceOf(Class);
    expect(error.constructor).toBe(Class);
    expect(error.name).toBe(Class.name);
    expect(error).toBeInstanceOf(OpenAIError);
    expect([error.status, error.requestID, error.message]).toEqual([status, 'req_1', `${status} m`]);
  });

  it('gives an integer code as its digits and keeps what was sent in `error` (llama.cpp, LocalAI)', () => {
    const sent = { message: 'Invalid API Key', type: 'authentication_error', code: 401 };
    const error = toAPIError(answer(401), { error: sent }, '');
    expect([error.code, error.param, error.type]).toEqual(['401', undefined, 'authentication_error']);
    expect(error.error).toEqual(sent);
    expect(toAPIError(answer(401), { error: { message: 'm', code: true } }, '').code).toBeUndefined();
  });

  it('keeps the API error fields', () => {
    const error = toAPIError(
      answer(404),
      body('The model `x` does not exist or you do not have access to it.', 'model_not_found'),
      '',
    );
    expect(error.message).toBe('404 The model `x` does not exist or you do not have access to it.');
    expect([error.code, error.type, error.param]).toEqual(['model_not_found', 'invalid_request_error', null]);
    expect(error.error).toEqual({
      message: 'The model `x` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      param: null,
      code: 'model_not_found',
    });
  });

  it('redacts the key from the body, and JSON.stringify/inspect show no request headers', () => {
    const key = 'sk-proj-SECRETSECRET';
    const error = toAPIError(answer(401), body(`Incorrect API key provided: ${key}.`), key);
    expect(error.message).toBe('401 Incorrect API key provided: [REDACTED].');
    expect(JSON.stringify(error)).not.toContain(key);
    expect(inspect(error)).not.toContain(key);
  });

  it('truncates a long non-JSON body to 200 characters in the message', () => {
    const error = toAPIError(answer(502), 'x'.repeat(5000), '');
    expect(error.message).toBe(`502 status code (body is not JSON: "${'x'.repeat(200)}…")`);
    expect(error.error).toHaveLength(5000);
  });
});

describe('APIError.makeMessage of a body JSON.stringify cannot write', () => {
  /** `[[[…]]]`, `levels` arrays deep. */
  const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);

  it('quotes a body up to 1,000 levels deep and only names a deeper one', () => {
    expect(APIError.makeMessage(400, nested(1000), undefined)).toBe(`400 ${'['.repeat(1000)}${']'.repeat(1000)}`);
    expect(APIError.makeMessage(400, nested(1001), undefined)).toBe('400 (JSON nested too deeply to show)');
    expect(APIError.makeMessage(400, { error: { detail: nested(1000) } }, undefined)).toBe(
      '400 (JSON nested too deeply to show)',
    );
  });
});

describe('redact', () => {
  const key = 'sk-proj-SECRETSECRET';

  it('replaces every whole key, and nothing else of a body read to its end', () => {
    expect(redact(`a ${key} b ${key}`, key)).toBe('a [REDACTED] b [REDACTED]');
    expect(redact('ends with sk-proj-SEC', key)).toBe('ends with sk-proj-SEC');
    // A start of the key is scrubbed only where a body was cut.
    expect(toAPIError(answer(502), 'ends with sk-proj-SEC', key).error).toBe('ends with sk-proj-SEC');
    expect(toAPIError(answer(502), 'ends with sk-proj-SEC', key, 65536).error).toBe('ends with [REDACTED]');
  });

  it('also replaces a start of the key, down to one character, where a cut body ends', () => {
    expect(redact(`${key} then sk-proj-SEC`, key, true)).toBe('[REDACTED] then [REDACTED]');
    expect(redact('ends with s', key, true)).toBe('ends with [REDACTED]');
    expect(redact('ends with k-', key, true)).toBe('ends with k-');
  });

  it('leaves keys shorter than 8 characters alone: they would match ordinary text', () => {
    expect(redact('a short key', 'short', true)).toBe('a short key');
  });
});

describe('redactHeaders', () => {
  it('copies the headers only when a value holds the key', () => {
    const clean = new Headers({ 'x-request-id': 'req_1' });
    expect(redactHeaders(clean, 'sk-proj-SECRETSECRET')).toBe(clean);
    const echoed = new Headers({ 'x-request-id': 'Bearer sk-proj-SECRETSECRET', 'x-other': 'kept' });
    const copy = redactHeaders(echoed, 'sk-proj-SECRETSECRET');
    expect([...copy]).toEqual([
      ['x-other', 'kept'],
      ['x-request-id', 'Bearer [REDACTED]'],
    ]);
    expect(echoed.get('x-request-id')).toBe('Bearer sk-proj-SECRETSECRET');
  });

  it('keeps every set-cookie line of the copy', () => {
    const echoed = new Headers([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=sk-proj-SECRETSECRET'],
      ['set-cookie', 'c=3'],
    ]);
    expect(redactHeaders(echoed, 'sk-proj-SECRETSECRET').getSetCookie()).toEqual(['a=1', 'b=[REDACTED]', 'c=3']);
  });
});
