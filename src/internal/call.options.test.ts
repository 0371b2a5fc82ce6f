/**
 * Options given per request, and the client's defaults they join: headers
 * (null removes one), query, delete's extra JSON body (refused on a GET),
 * and limits checked before anything is sent. The client's own options:
 * client.options.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import OpenAI, { OpenAIError, type ClientOptions } from '../index.js';

const KEY = 'sk-client-test-0123456789';
const model = { id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' };

/** A client whose fetch records each Request and answers `body`. */
function recording(options: ClientOptions = {}, body: unknown = model) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { client: new OpenAI({ apiKey: KEY, fetch, ...options }), requests, fetch };
}

/** A client's fetch that records the URL of each request and answers `answer()`. */
function recordingURLs(answer: () => Response = () => Response.json(model)) {
  const urls: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : String(input));
    return answer();
  };
  return { urls, fetch };
}

describe('request shaping', () => {
  it('merges defaultHeaders and per-request headers; null removes a header', async () => {
    const { client, requests } = recording({ organization: 'org-1', defaultHeaders: { 'X-Team': 'a', 'X-Gone': 'b' } });
    await client.models.retrieve('x', { headers: { 'X-Team': 'c', 'X-Gone': null, 'OpenAI-Organization': null } });
    const headers = requests[0]?.headers;
    expect(headers?.get('x-team')).toBe('c');
    expect(headers?.has('x-gone')).toBe(false);
    expect(headers?.has('openai-organization')).toBe(false);
    expect(headers?.get('authorization')).toBe(`Bearer ${KEY}`);
  });

  it('adds defaultQuery and per-request query', async () => {
    const { client, requests } = recording({
      baseURL: 'https://h.example/v1',
      defaultQuery: { 'api-version': '1', drop: undefined },
    });
    await client.models.retrieve('m', { query: { verbose: true } });
    await client.models.retrieve('m');
    expect(requests.map((r) => r.url)).toEqual([
      'https://h.example/v1/models/m?api-version=1&verbose=true',
      'https://h.example/v1/models/m?api-version=1',
    ]);
  });

  it('sends an extra JSON body with delete, and refuses one on a GET before sending', async () => {
    const { client, requests } = recording({}, { id: 'ft:x', object: 'model', deleted: true });
    await client.models.delete('ft:x', { body: { hard: true } });
    expect(requests[0]?.method).toBe('DELETE');
    expect(await requests[0]?.text()).toBe('{"hard":true}');
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    const get = recording();
    // A JavaScript caller can pass one; the types forbid it.
    const options: object = { body: { a: 1 } };
    await expect(get.client.models.retrieve('x', options)).rejects.toThrow('A GET request cannot carry a body');
    expect(get.fetch).not.toHaveBeenCalled();
  });
});

describe('defaultQuery', () => {
  it('goes on every call, with or without a query of its own', async () => {
    const wire = recordingURLs(() => Response.json({ object: 'list', data: [] }));
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: wire.fetch,
      defaultQuery: { 'api-version': '2024-10-21' },
    });
    await client.models.list();
    await client.models.list({ timeout: 5000 });
    await client.models.list({ query: { extra: '1' } });
    await client.api.GET('/models');
    expect(wire.urls).toEqual([
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21',
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21',
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21&extra=1',
      'http://127.0.0.1:9/v1/models?api-version=2024-10-21',
    ]);
  });
});

describe('a query given per request', () => {
  it('reaches the wire on a client without defaultQuery, and only on that call', async () => {
    const wire = recordingURLs(() => Response.json({ object: 'list', data: [] }));
    const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: wire.fetch });
    await client.models.list({ query: { extra: '1' } });
    await client.models.list();
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/models?extra=1', 'http://127.0.0.1:9/v1/models']);
  });
});

describe('limits given per request', () => {
  const client = new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1', fetch: recordingURLs().fetch });

  it.each([
    ['a string', '100', 'timeout must be a positive number of milliseconds (at most 2^31-1), got string 100'],
    ['2^31 ms', 2 ** 31, 'timeout must be a positive number of milliseconds (at most 2^31-1), got number 2147483648'],
    ['0', 0, 'timeout must be a positive number of milliseconds (at most 2^31-1), got number 0'],
  ])('refuses a timeout of %s before sending', async (_name, timeout, message) => {
    await expect(client.models.retrieve('m', { timeout: timeout as number })).rejects.toThrow(new OpenAIError(message));
  });

  it('takes a timeout of exactly 2^31-1 ms, the most a timer can wait', async () => {
    await expect(client.models.retrieve('m', { timeout: 2 ** 31 - 1 })).resolves.toEqual(model);
  });
});
