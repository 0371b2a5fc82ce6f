/**
 * Path parameters: a model id becomes one path segment, encoded as the
 * official clients do; an id that would send another request (the list, the
 * parent path) or cannot be encoded is refused with an OpenAIError that says
 * why, on every road (the resource methods, client.api, a call nobody
 * awaits), before middleware or the wire see anything.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptedId } from '../../contract-tests/support/arbitraries.js';
import { json } from '../../contract-tests/support/local-server.js';
import { closeServer, failure, model, ok, serve } from '../__tests__/transport-harness.js';
import OpenAI, { OpenAIError } from '../index.js';
import { encodePathParam, serializePath } from './call.js';

afterEach(closeServer);

function recording() {
  const fetch = vi.fn(
    async () => new Response('{"id":"x","object":"model","created":0,"owned_by":"system"}', { status: 200 }),
  );
  return {
    fetch,
    client: new OpenAI({ apiKey: 'sk-refused-ids-0123456789', baseURL: 'http://127.0.0.1:9/v1', fetch }),
  };
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

describe('encodePathParam', () => {
  it.each([
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['ft:gpt-4o-mini:acemeco:suffix:abc123', 'ft:gpt-4o-mini:acemeco:suffix:abc123'],
    ['ft:gpt-4o-mini:org:x:ckpt-step-100', 'ft:gpt-4o-mini:org:x:ckpt-step-100'],
    ['meta-llama/Llama-3.1-8B', 'meta-llama%2FLlama-3.1-8B'],
    ['a@b', 'a@b'],
    ['a b', 'a%20b'],
    ['a?b#c%d', 'a%3Fb%23c%25d'],
    ['ünï', '%C3%BCn%C3%AF'],
    ['...', '...'],
  ])('%s → %s', (id, encoded) => {
    expect(encodePathParam('model', id)).toBe(encoded);
  });

  it.each([
    ['', "Expected a non-empty value for `model` but received ''"],
    ['.', "Value '.' can't be safely passed as the `model` path parameter: the URL would name another endpoint"],
    ['..', "Value '..' can't be safely passed as the `model` path parameter: the URL would name another endpoint"],
    ['a\uD800b', 'Expected well-formed Unicode for `model` but it contains a lone surrogate'],
  ])('refuses %j, saying why', (id, message) => {
    expect(() => encodePathParam('model', id)).toThrow(OpenAIError);
    expect(() => encodePathParam('model', id)).toThrow(new OpenAIError(message));
  });

  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [42, 'number 42'],
    [false, 'boolean false'],
    [{}, 'an object'],
    [['a'], 'an array'],
  ])('refuses the non-string %j, saying what it got', (value, got) => {
    expect(() => encodePathParam('model', value)).toThrow(
      new OpenAIError(`Expected a string for \`model\` but received ${got}`),
    );
  });

  it.each([
    ['/v1/models/{model}', { model: 'a/b' }, '/v1/models/a%2Fb'],
    ['/v1/models/{model}/', { model: 'x y' }, '/v1/models/x%20y/'],
    ['/{org}/models/{model}/check', { org: 'o:1', model: 'ft:m' }, '/o:1/models/ft:m/check'],
    ['{model}', { model: 'm' }, 'm'],
    ['/v1/models', { model: 'unused' }, '/v1/models'],
    ['/v1/{model}/{org', { model: 'm', org: 'o' }, '/v1/m/{org'],
    ['{', { '': 'x' }, '{'],
  ])('fills every template of %s', (path, params, filled) => {
    expect(serializePath(path, params)).toBe(filled);
  });

  it('refuses a template whose value is missing, naming it', () => {
    expect(() => serializePath('/v1/{org}/models/{model}', { model: 'm' })).toThrow(
      new OpenAIError('Expected a string for `org` but received undefined'),
    );
  });
});

describe('encodePathParam properties', () => {
  it('any accepted id becomes exactly one URL path segment that decodes back to itself', () => {
    fc.assert(
      fc.property(acceptedId, (id) => {
        const encoded = encodePathParam('model', id);
        expect(encoded).not.toMatch(/[/?#\s]/);
        expect(encoded).not.toBe('.');
        expect(encoded).not.toBe('..');
        const url = new URL(`https://api.example/v1/models/${encoded}`);
        expect(url.pathname.split('/').slice(3)).toEqual([encoded]);
        expect(decodeURIComponent(url.pathname.split('/')[3] ?? '')).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });
});

describe.each([
  ['models.retrieve', (client: OpenAI, id: unknown) => client.models.retrieve(id as string)],
  ['models.delete', (client: OpenAI, id: unknown) => client.models.delete(id as string)],
  [
    'api.GET',
    (client: OpenAI, id: unknown) => client.api.GET('/models/{model}', { params: { path: { model: id as string } } }),
  ],
  [
    'api.DELETE',
    (client: OpenAI, id: unknown) =>
      client.api.DELETE('/models/{model}', { params: { path: { model: id as string } } }),
  ],
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

describe('a refused id', () => {
  it('rejects a refused id, even one nobody awaits, without an uncaught exception', async () => {
    const uncaught: unknown[] = [];
    const listener = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      const { client, fetch } = recording();
      const awaited = client.models.retrieve('..');
      void client.models.delete('');
      void client.models.retrieve('x', { body: { a: 1 } } as object);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(awaited).rejects.toThrow(OpenAIError);
      expect(uncaught).toEqual([]);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      process.off('uncaughtException', listener);
    }
  });

  it('refuses a bad model id before calling fetch', async () => {
    const { client, fetch } = recording();
    for (const id of ['', '.', '..']) await expect(client.models.retrieve(id)).rejects.toThrow(OpenAIError);
    // @ts-expect-error a JavaScript caller may pass anything
    await expect(client.models.delete(undefined)).rejects.toThrow(
      'Expected a string for `model` but received undefined',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a refused id reaches neither the middleware nor the network', async () => {
    const { client, server } = await serve((_req, res) => ok(res));
    const onRequest = vi.fn();
    client.api.use({ onRequest });
    for (const id of ['', '.', '..'])
      expect(await failure(client.models.retrieve(id))).toBeInstanceOf(OpenAI.OpenAIError);
    expect(onRequest).not.toHaveBeenCalled();
    expect(server.seen).toHaveLength(0);
  });
});

describe('ids over the wire (property)', () => {
  it('any accepted id arrives as exactly one path segment that decodes back to itself', async () => {
    const { client, server } = await serve((req, res) => {
      json(res, 200, { ...model, id: decodeURIComponent((req.url ?? '').slice('/v1/models/'.length)) });
    });
    await fc.assert(
      fc.asyncProperty(acceptedId, async (id) => {
        const before = server.seen.length;
        const got = await client.models.retrieve(id);
        const url = server.seen[before]?.url ?? '';
        const segments = url.split('?')[0]?.split('/') ?? [];
        expect(segments.slice(0, 3)).toEqual(['', 'v1', 'models']);
        expect(segments).toHaveLength(4);
        expect(got.id).toBe(id);
      }),
      { numRuns: 300 },
    );
  });
});
