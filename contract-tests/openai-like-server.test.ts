/**
 * The OpenAI-like server that the `contract:openai-like` project runs the
 * suite against: it must differ from the mock where a test could wrongly
 * lean on the mock (other models, other error wording) and record every
 * DELETE, so the run can prove none reached it unnamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseExample, schemaErrors } from './support/spec.js';
import { startOpenAILikeServer, type OpenAILikeServer } from './support/openai-like-server.js';

let server: OpenAILikeServer;
beforeAll(async () => {
  server = await startOpenAILikeServer('sk-like-key');
});
afterAll(() => server?.close());

function call(method: string, path: string, key: string | null = 'sk-like-key'): Promise<Response> {
  return fetch(`${server.baseURL}${path}`, { method, headers: key === null ? {} : { authorization: `Bearer ${key}` } });
}

describe('OpenAI-like server', () => {
  it('lists models the mock does not have, with the headers a real server sends', async () => {
    const response = await call('GET', '/models');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.headers.get('openai-processing-ms')).toMatch(/^\d+$/);
    expect(response.headers.get('openai-version')).toBe('2020-10-01');
    const body = (await response.json()) as { data: { id: string }[] };
    expect(schemaErrors('ListModelsResponse', body)).toEqual([]);
    const mockIds = (responseExample('/models', 'get', '200', 'models') as { data: { id: string }[] }).data.map(
      (m) => m.id,
    );
    expect(body.data.map((m) => m.id).filter((id) => mockIds.includes(id))).toEqual([]);
    expect(body.data.map((m) => m.id)).toContain(server.deletableId);
    expect(await (await fetch(server.deletesURL)).json()).toEqual(server.deletes);
  });

  it('answers an unknown model with a 404 error body of its own wording', async () => {
    const response = await call('GET', '/models/no-such-model');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const body = (await response.json()) as { error: { message: string; code: string | null } };
    expect(schemaErrors('ErrorResponse', body)).toEqual([]);
    expect(body.error).toMatchObject({ message: 'No model named no-such-model is served here.', code: null });
  });

  it('answers 401 without a key or with a wrong one', async () => {
    expect((await call('GET', '/models', null)).status).toBe(401);
    expect((await call('GET', '/models', 'sk-other')).status).toBe(401);
  });

  it('records every DELETE, deleting only its own fine-tune', async () => {
    const before = server.deletes.length;
    const own = await call('DELETE', `/models/${encodeURIComponent(server.deletableId)}`);
    expect(await own.json()).toEqual({ id: server.deletableId, object: 'model', deleted: true });
    expect((await call('DELETE', '/models/gpt-4.1-nano')).status).toBe(403);
    expect((await call('DELETE', '/models/no-such-model')).status).toBe(404);
    expect(server.deletes.slice(before)).toEqual([server.deletableId, 'gpt-4.1-nano', 'no-such-model']);
  });
});
