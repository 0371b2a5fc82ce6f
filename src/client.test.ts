/** The client object: its key kept out of sight, the error classes as statics, and client.api (no network: an injected fetch). */
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import OpenAI from './index.js';

const KEY = 'sk-client-test-0123456789';

describe('construction', () => {
  it('keeps the key out of util.inspect and JSON.stringify of the client', () => {
    const client = new OpenAI({ apiKey: KEY });
    expect(client.apiKey).toBe(KEY);
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });

  it('exposes the error classes as statics, as the official SDK does', () => {
    expect(new OpenAI.NotFoundError(404, undefined, undefined, new Headers())).toBeInstanceOf(OpenAI.APIError);
  });
});

describe('request shaping', () => {
  it("client.api carries the same auth and reports errors openapi-fetch's way", async () => {
    const fetch = vi.fn(async (_input: string | URL | Request) =>
      Response.json({ error: { message: 'nope', type: 't', param: null, code: 'model_not_found' } }, { status: 404 }),
    );
    const client = new OpenAI({ apiKey: KEY, fetch });
    const { data, error, response } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expect(data).toBeUndefined();
    expect(error?.error.code).toBe('model_not_found');
    expect(response.status).toBe(404);
    const sent = fetch.mock.calls[0]?.[0];
    expect(sent instanceof Request ? sent.headers.get('authorization') : undefined).toBe(`Bearer ${KEY}`);
  });
});
