/**
 * Each emulated server (contract-tests/support/servers/) answers as its
 * sources say: what a client sends, what comes back, status and body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { servers, type Emulation, type ServerName } from './support/servers/index.js';

let running: Emulation | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function call(name: ServerName, method: string, path: string, auth = true) {
  running ??= await servers[name].start();
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${servers[name].apiKey}` } : {};
  const response = await fetch(`${running.baseURL}${path}`, { method, headers });
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

describe('the registry', () => {
  it.each(Object.entries(servers))('%s says what it emulates and where that comes from', async (_, entry) => {
    expect(entry.description).not.toBe('');
    expect(entry.source).not.toBe('');
    const server = await entry.start();
    expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    await server.close();
  });
});

describe('ollama', () => {
  it('lists with created and owned_by from the namespace, retrieves ids with :', async () => {
    expect((await call('ollama', 'GET', '/models')).body.data[0]).toEqual({
      id: 'llama3.2:latest',
      object: 'model',
      created: 1733097600,
      owned_by: 'library',
    });
    expect((await call('ollama', 'GET', '/models/llama3.2:latest')).body.id).toBe('llama3.2:latest');
  });
  it('answers an unknown model with its not_found_error, DELETE with 405', async () => {
    expect(await call('ollama', 'GET', '/models/nope')).toMatchObject({
      status: 404,
      body: { error: { message: "model 'nope' not found", type: 'not_found_error', param: null, code: null } },
    });
    expect((await call('ollama', 'DELETE', '/models/llama3.2:latest')).status).toBe(405);
  });
  it('lists data: null with no model installed', async () => {
    expect(await call('ollama-empty', 'GET', '/models', false)).toMatchObject({
      status: 200,
      body: { object: 'list', data: null },
    });
  });
});

describe('the others', () => {
  it('together: a bare array', async () => {
    const { body } = await call('together', 'GET', '/models');
    expect(Array.isArray(body)).toBe(true);
    expect(body[0].id).toBe('meta-llama/Llama-3.3-70B-Instruct-Turbo');
  });

  it('lmstudio: no created, and HTTP 200 with an error for a route it lacks', async () => {
    expect((await call('lmstudio', 'GET', '/models')).body).toEqual({
      data: [{ id: 'qwen2.5-7b-instruct', object: 'model', owned_by: 'organization_owner' }],
      object: 'list',
    });
    expect(await call('lmstudio', 'DELETE', '/models/qwen2.5-7b-instruct')).toMatchObject({
      status: 200,
      body: { error: 'Unexpected endpoint or method. (DELETE /v1/models/qwen2.5-7b-instruct)' },
    });
    expect((await call('lmstudio', 'GET', '/models/nope')).body.error.message).toBe(
      "Model with identifier 'nope' not found",
    );
  });

  it('localai: no created or owned_by, no retrieve, integer codes', async () => {
    expect((await call('localai', 'GET', '/models')).body).toEqual({
      object: 'list',
      data: [{ id: 'phi-2', object: 'model' }],
    });
    expect(await call('localai', 'GET', '/models/phi-2')).toMatchObject({
      status: 404,
      body: { error: { code: 404, message: 'Resource not found', type: '' } },
    });
    expect(await call('localai', 'GET', '/models', false)).toMatchObject({
      status: 401,
      body: { error: { code: 401, message: 'An authentication key is required' } },
    });
  });

  it('deepseek: no created', async () => {
    expect((await call('deepseek', 'GET', '/models')).body.data[0]).toEqual({
      id: 'deepseek-chat',
      object: 'model',
      owned_by: 'deepseek',
    });
  });

  it('openrouter: no object, no owned_by', async () => {
    const { body } = await call('openrouter', 'GET', '/models');
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data[1]).not.toHaveProperty('owned_by');
    expect(body.data[1].id).toBe('meta-llama/llama-3.3-70b-instruct:free');
  });

  it('vllm: extras, no retrieve route, a string error without the key', async () => {
    const { body } = await call('vllm', 'GET', '/models');
    expect(body.data[0]).toMatchObject({
      owned_by: 'vllm',
      root: 'meta-llama/Llama-3.1-8B-Instruct',
      max_model_len: 131072,
    });
    expect(await call('vllm', 'GET', '/models/meta-llama%2FLlama-3.1-8B-Instruct')).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
    expect(await call('vllm', 'GET', '/models', false)).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });

  it('llamacpp: a public list, no retrieve route, integer codes', async () => {
    expect((await call('llamacpp', 'GET', '/models', false)).body.data[0]).toMatchObject({
      owned_by: 'llamacpp',
      aliases: [],
      tags: [],
    });
    expect(await call('llamacpp', 'GET', '/models/x')).toMatchObject({
      status: 404,
      body: { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } },
    });
    expect(await call('llamacpp', 'GET', '/models/x', false)).toMatchObject({
      status: 401,
      body: { error: { code: 401, type: 'authentication_error' } },
    });
  });

  it('litellm: ids with / are 404 even encoded, string param and code, 405 before auth', async () => {
    expect((await call('litellm', 'GET', '/models/ollama:llama3')).body).toEqual({
      id: 'ollama:llama3',
      object: 'model',
      created: 1677610602,
      owned_by: 'openai',
    });
    expect(await call('litellm', 'GET', '/models/openai%2Fgpt-4o')).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
    expect(await call('litellm', 'GET', '/models/nope')).toMatchObject({
      status: 404,
      body: { detail: 'The model `nope` does not exist or is not accessible' },
    });
    expect(await call('litellm', 'GET', '/models', false)).toMatchObject({
      status: 401,
      body: { error: { type: 'auth_error', param: 'None', code: '401' } },
    });
    const refused = await call('litellm', 'DELETE', '/models/gpt-4o-mini', false);
    expect(refused).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed' } });
    expect(refused.headers.get('allow')).toBe('GET');
  });

  it('mock-llm: any retrieve answers with the whole list', async () => {
    const list = (await call('mock-llm', 'GET', '/models')).body;
    expect(list).toEqual({ object: 'list', data: [{ id: 'gpt-5.2', object: 'model', owned_by: 'openai' }] });
    expect((await call('mock-llm', 'GET', '/models/anything')).body).toEqual(list);
  });
});
