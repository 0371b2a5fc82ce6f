/**
 * A model id that would send a different request (the list endpoint, the
 * parent path) or cannot be encoded is refused with an OpenAIError that says
 * why, on every road, and nothing reaches the wire.
 */
import { describe, expect, it, vi } from 'vitest';
import OpenAI, { OpenAIError } from './index.js';

function recording() {
  const fetch = vi.fn(async () => new Response('{"id":"x","object":"model","created":0,"owned_by":"system"}', { status: 200 }));
  return { fetch, client: new OpenAI({ apiKey: 'sk-refused-ids-0123456789', baseURL: 'http://127.0.0.1:9/v1', fetch }) };
}

const REFUSED: [string, unknown, string][] = [
  ['empty', '', "Expected a non-empty value for `model` but received ''"],
  ['.', '.', "Value '.' can't be safely passed as the `model` path parameter: the URL would name another endpoint"],
  ['..', '..', "Value '..' can't be safely passed as the `model` path parameter: the URL would name another endpoint"],
  ['a lone surrogate', 'gpt-\uD800', 'Expected well-formed Unicode for `model` but it contains a lone surrogate'],
  ['undefined', undefined, 'Expected a string for `model` but received undefined'],
  ['null', null, 'Expected a string for `model` but received null'],
  ['a number', 42, 'Expected a string for `model` but received number 42'],
  ['a boolean', true, 'Expected a string for `model` but received boolean true'],
  ['an object', { id: 'gpt-4o-mini' }, 'Expected a string for `model` but received an object'],
  ['an array', ['gpt-4o-mini'], 'Expected a string for `model` but received an array'],
];

describe.each([
  ['models.retrieve', (client: OpenAI, id: unknown) => client.models.retrieve(id as string)],
  ['models.delete', (client: OpenAI, id: unknown) => client.models.delete(id as string)],
  ['api.GET', (client: OpenAI, id: unknown) => client.api.GET('/models/{model}', { params: { path: { model: id as string } } })],
  ['api.DELETE', (client: OpenAI, id: unknown) => client.api.DELETE('/models/{model}', { params: { path: { model: id as string } } })],
])('%s', (_, call) => {
  it.each(REFUSED)('refuses %s with a message that says why, sending nothing', async (_name, id, message) => {
    const { client, fetch } = recording();
    const error = await Promise.resolve(call(client, id)).then(
      () => expect.unreachable('the id should be refused'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAIError);
    expect((error as Error).message).toBe(message);
    expect(fetch).not.toHaveBeenCalled();
  });
});
