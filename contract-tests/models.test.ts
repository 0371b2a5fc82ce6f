/**
 * The client against a server that implements the spec: Prism built from
 * spec/openapi.yaml by default, the tests' OpenAI-like server, or
 * TEST_API_BASE_URL. Every body is checked twice: by the client, and
 * independently with Ajv against the spec. Ids come from what the server
 * lists; the mock's examples and OpenAI's own wording are checked on the
 * mock only.
 */
import { describe, expect, inject, it } from 'vitest';
import { AuthenticationError, NotFoundError, Page } from '../src/index.js';
import { testClient } from './support/client.js';
import { responseExample, schemaErrors } from './support/spec.js';

const isMock = inject('isMock');
/** DELETE goes to a server other than the mock only for a model named explicitly (TEST_DELETE_MODEL_ID). */
const deleteId = inject('deleteModelId');

describe('listModels GET /models', () => {
  it('returns a page whose JSON is the spec example and valid against ListModelsResponse', async () => {
    const { data: page, response } = await testClient().models.list().withResponse();
    expect(page).toBeInstanceOf(Page);
    expect(response.headers.get('sl-violations')).toBeNull();
    const body: unknown = JSON.parse(JSON.stringify(page));
    expect(schemaErrors('ListModelsResponse', body)).toEqual([]);
    if (isMock) expect(body).toEqual(responseExample('/models', 'get', '200', 'models'));
  });

  it('iterates every model with for await', async () => {
    const ids: string[] = [];
    for await (const model of testClient().models.list()) ids.push(model.id);
    const page = await testClient().models.list();
    expect(ids).toEqual(page.data.map((m) => m.id));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('gives the raw response unread, valid against the schema', async () => {
    const response = await testClient().models.list().asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(schemaErrors('ListModelsResponse', await response.json())).toEqual([]);
  });
});

describe('retrieveModel GET /models/{model}', () => {
  it('returns the spec example, valid against Model, with its request id', async () => {
    const client = testClient();
    const id = isMock ? 'gpt-4o-mini' : (await client.models.list()).data[0]?.id;
    if (id === undefined) throw new Error('the server lists no model to retrieve');
    const { data: model, response, requestID } = await client.models.retrieve(id).withResponse();
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(schemaErrors('Model', JSON.parse(JSON.stringify(model)))).toEqual([]);
    expect(model.id).toBe(id);
    expect(requestID).toBe(response.headers.get('x-request-id'));
    expect(model._request_id).toBe(requestID);
    expect(Object.keys(model)).not.toContain('_request_id');
    if (isMock) {
      expect({ ...model }).toEqual(responseExample('/models/{model}', 'get', '200', 'model'));
      expect(requestID).toMatch(/^req_/);
    }
  });

  it('answers an unknown model with NotFoundError carrying the API error', async () => {
    const client = testClient();
    const call = isMock
      ? client.models.retrieve('gpt-5-nonexistent', { headers: { Prefer: 'code=404' } })
      : client.models.retrieve('openai-models-contract-test-no-such-model');
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    if (!(error instanceof NotFoundError)) return;
    // What the spec promises of any server: the status, the class, an error body.
    expect(error.status).toBe(404);
    expect(schemaErrors('ErrorResponse', { error: error.error })).toEqual([]);
    expect(error.message).toBe(`404 ${(error.error as { message: string }).message}`);
    if (isMock) {
      // OpenAI's own code and wording, as the spec's example shows them.
      expect(error.code).toBe('model_not_found');
      expect(error.message).toMatch(/^404 The model .* does not exist/);
      expect({ error: error.error }).toEqual(responseExample('/models/{model}', 'get', '404', 'modelNotFound'));
    }
  });
});

// Without a model named for deletion there is no DELETE test at all.
describe.each(deleteId === null ? [] : [deleteId])('deleteModel DELETE /models/%s', (id) => {
  it('returns the deletion status, valid against DeleteModelResponse', async () => {
    const { data, response } = await testClient().models.delete(id).withResponse();
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(schemaErrors('DeleteModelResponse', { ...data })).toEqual([]);
    expect(data.id).toBe(id);
    if (isMock) expect({ ...data }).toEqual(responseExample('/models/{model}', 'delete', '200', 'deleted'));
  });
});

describe('authentication', () => {
  it('answers a request without a key with AuthenticationError 401 and the spec error body', async () => {
    const client = testClient({ defaultHeaders: { Authorization: null } });
    const error = await client.models.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    if (!(error instanceof AuthenticationError)) return;
    expect(error.status).toBe(401);
    expect(schemaErrors('ErrorResponse', { error: error.error })).toEqual([]);
    if (isMock) expect({ error: error.error }).toEqual(responseExample('/models', 'get', '401', 'missingKey'));
  });
});
