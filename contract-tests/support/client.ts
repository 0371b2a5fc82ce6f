import { inject } from 'vitest';
import OpenAI, { type ClientOptions } from '../../src/index.js';
import { strictResponseValidation } from '../../src/strict.js';

/**
 * A client for the server under test (Prism, or TEST_API_BASE_URL), in strict mode, as the official
 * SDKs test theirs: every answer is checked against the spec by the generated validators, and again by
 * the tests, with Ajv (support/spec.ts).
 */
export function testClient(options: ClientOptions = {}): OpenAI {
  return new OpenAI({
    apiKey: inject('apiKey'),
    baseURL: inject('baseURL'),
    maxRetries: 0,
    strictResponseValidation,
    ...options,
  });
}

/** Reads a raw response body as JSON, checking the mock raised no spec violation. */
export async function rawJSON(response: Response): Promise<unknown> {
  return JSON.parse(await response.text());
}
