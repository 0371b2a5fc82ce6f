/**
 * One road: `client.models.*` are typed calls of `client.api` (openapi-fetch),
 * so its middleware sees them exactly as it sees `client.api`'s own calls,
 * what a middleware changes reaches the wire, and what a middleware answers
 * is what the caller gets, parsed and typed as the server's answer would be.
 */
import type { Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../contract-tests/support/local-server.js';
import { closeServer, failure, KEY, model, ok, recording, serve } from '../__tests__/transport-harness.js';
import OpenAI, { BadRequestError, NotFoundError } from '../index.js';

afterEach(closeServer);

const deleted = { id: model.id, object: 'model', deleted: true };

describe('client.api middleware sees every call', () => {
  it('onRequest sees list, retrieve, delete and client.api.GET (4 of 4), and the header it sets reaches the wire', async () => {
    const { client, server } = await serve((req, res) => {
      if (req.method === 'DELETE') json(res, 200, deleted);
      else if (req.url === '/v1/models') json(res, 200, { object: 'list', data: [model] });
      else ok(res);
    });
    const seen: string[] = [];
    client.api.use({
      onRequest({ request, schemaPath }) {
        seen.push(`${request.method} ${schemaPath}`);
        request.headers.set('x-trace-id', `trace-${seen.length}`);
      },
    });

    await client.models.list();
    await client.models.retrieve('gpt-4o-mini');
    await client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123');
    await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });

    expect(seen).toEqual(['GET /models', 'GET /models/{model}', 'DELETE /models/{model}', 'GET /models/{model}']);
    expect(server.seen.map((s) => [s.method, s.url, s.headers['x-trace-id']])).toEqual([
      ['GET', '/v1/models', 'trace-1'],
      ['GET', '/v1/models/gpt-4o-mini', 'trace-2'],
      ['DELETE', '/v1/models/ft:gpt-4o-mini:acemeco:suffix:abc123', 'trace-3'],
      ['GET', '/v1/models/gpt-4o-mini', 'trace-4'],
    ]);
    expect(server.seen.every((s) => s.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it("onResponse sees a resource call's error answer with its body readable; the call still throws the typed error", async () => {
    const { client } = await serve((_req, res) =>
      json(res, 404, {
        error: { message: 'no such model', type: 'invalid_request_error', param: null, code: 'model_not_found' },
      }),
    );
    const bodies: unknown[] = [];
    client.api.use({
      async onResponse({ response }) {
        bodies.push([response.status, await response.clone().json()]);
      },
    });
    const error = await failure(client.models.retrieve('nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('404 no such model');
    expect(bodies).toEqual([
      [
        404,
        { error: { message: 'no such model', type: 'invalid_request_error', param: null, code: 'model_not_found' } },
      ],
    ]);
  });

  it('a middleware that answers by itself is parsed like the server: no request is sent', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('must not be called')));
    const client = new OpenAI({ apiKey: KEY, fetch });
    const cache: Middleware = {
      onRequest: ({ request }) =>
        request.url.endsWith('/missing')
          ? Response.json({ error: { message: 'cached miss', type: 't', param: null, code: null } }, { status: 404 })
          : Response.json(model, { headers: { 'x-request-id': 'req_cached' } }),
    };
    client.api.use(cache);
    const got = await client.models.retrieve('gpt-4o-mini');
    expect(got).toEqual(model);
    expect(got._request_id).toBe('req_cached');
    expect(
      await client.models
        .retrieve('gpt-4o-mini')
        .asResponse()
        .then((r) => r.json()),
    ).toEqual(model);
    const error = await failure(client.models.retrieve('missing'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('404 cached miss');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a middleware that answers with an error nested too deeply to quote still gives a typed error', async () => {
    const client = new OpenAI({ apiKey: KEY, fetch: () => Promise.reject(new Error('must not be called')) });
    // openapi-fetch parses it; JSON.stringify could not write it back.
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    client.api.use({ onRequest: () => new Response(deep, { status: 400 }) });
    const error = await failure(client.models.retrieve('x'));
    expect(error).toBeInstanceOf(BadRequestError);
    // The same words as from the transport (errors.messages.test.ts).
    expect((error as Error).message).toBe('400 (JSON nested too deeply to show)');
  });
});

describe('what a middleware answers is what the caller gets', () => {
  it('a response rewritten by onResponse is parsed, not the one that came over the wire', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });
    client.api.use({
      onResponse: ({ response }) => new Response(JSON.stringify({ ...model, id: 'rewritten' }), response),
    });
    await expect(client.models.retrieve('m')).resolves.toEqual({ ...model, id: 'rewritten' });
  });

  it('an empty error answered by a middleware is a typed error that says there was no body', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });
    client.api.use({ onRequest: () => new Response(null, { status: 404 }) });
    const error = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('404 status code (no body)');
  });

  it('so is one that says `content-length: 0`, which openapi-fetch hands over as no error at all', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recording().fetch });
    client.api.use({ onRequest: () => new Response(null, { status: 404, headers: { 'content-length': '0' } }) });
    const error = await client.models.retrieve('m').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('404 status code (no body)');
  });
});
