/**
 * Model ids reach the server as exactly one path segment, encoded as the
 * official clients encode them (`:` and `@` kept, `/` as %2F), under a base
 * URL with a path prefix. A local echo server shows what arrived on the wire.
 */
import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, { OpenAIError } from '../src/index.js';
import { json, localServer, type LocalServer } from './support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function echoClient(prefix = '/v1'): Promise<{ client: OpenAI; server: LocalServer }> {
  server = await localServer((req, res) => {
    const id = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    if (req.method === 'DELETE') json(res, 200, { id, object: 'model', deleted: true });
    else json(res, 200, { id, object: 'model', created: 1, owned_by: 'me' });
  });
  return { client: new OpenAI({ apiKey: 'sk-echo-test-key', baseURL: `${server.url}${prefix}/` }), server };
}

describe('model ids on the wire', () => {
  const cases: [string, string][] = [
    ['ft:gpt-4o-mini:acemeco:suffix:abc123', '/v1/models/ft:gpt-4o-mini:acemeco:suffix:abc123'],
    ['meta-llama/Llama-3.1-8B', '/v1/models/meta-llama%2FLlama-3.1-8B'],
    ['vendor/model:free', '/v1/models/vendor%2Fmodel:free'],
    ['user@example', '/v1/models/user@example'],
    ['a b?c#d%e', '/v1/models/a%20b%3Fc%23d%25e'],
    ['...', '/v1/models/...'],
  ];
  for (const [id, path] of cases) {
    it(`retrieve(${JSON.stringify(id)}) requests ${path} and gets the model back`, async () => {
      const { client, server } = await echoClient();
      const model = await client.models.retrieve(id);
      expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual([`GET ${path}`]);
      expect(model.id).toBe(id);
    });
  }

  it('delete() sends DELETE with the same encoding', async () => {
    const { client, server } = await echoClient('/api/v1');
    const deleted = await client.models.delete('ft:gpt-4o-mini:org:x/y');
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['DELETE /api/v1/models/ft:gpt-4o-mini:org:x%2Fy']);
    expect(deleted).toEqual({ id: 'ft:gpt-4o-mini:org:x/y', object: 'model', deleted: true });
  });

  it('client.api encodes path parameters the same way', async () => {
    const { client, server } = await echoClient();
    const { data } = await client.api.GET('/models/{model}', { params: { path: { model: 'org/m:1' } } });
    expect(server.seen[0]?.url).toBe('/v1/models/org%2Fm:1');
    expect(data?.id).toBe('org/m:1');
  });

  for (const bad of ['', '.', '..']) {
    it(`refuses ${JSON.stringify(bad)} before any request, through the resource and client.api`, async () => {
      const { client, server } = await echoClient();
      await expect(client.models.retrieve(bad)).rejects.toThrow(OpenAIError);
      await expect(client.models.delete(bad)).rejects.toThrow(OpenAIError);
      await expect(client.api.GET('/models/{model}', { params: { path: { model: bad } } })).rejects.toThrow(
        OpenAIError,
      );
      expect(server.seen).toEqual([]);
    });
  }
});
