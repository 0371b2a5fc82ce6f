/** The public surface's types: return types are the spec's, wrong calls do not compile. */
import { describe, expectTypeOf, it } from 'vitest';
import OpenAI, {
  APIError,
  NotFoundError,
  OpenAIError,
  type APIPromise,
  type Model,
  type ModelDeleted,
  type Page,
  type PagePromise,
  type components,
  type WithResponse,
} from './index.js';

const client = new OpenAI({ apiKey: 'sk-x' });

describe('resource methods', () => {
  it('return the spec types', () => {
    expectTypeOf<Model>().toEqualTypeOf<components['schemas']['Model']>();
    expectTypeOf<ModelDeleted>().toEqualTypeOf<components['schemas']['DeleteModelResponse']>();
    expectTypeOf(client.models.retrieve('x')).toEqualTypeOf<APIPromise<Model>>();
    expectTypeOf(client.models.delete('x')).toEqualTypeOf<APIPromise<ModelDeleted>>();
    expectTypeOf(client.models.list()).toEqualTypeOf<PagePromise<Model>>();
    expectTypeOf<Awaited<ReturnType<typeof client.models.retrieve>>>().toExtend<Model>();
    expectTypeOf<Awaited<ReturnType<typeof client.models.list>>>().toExtend<Page<Model>>();
    expectTypeOf<Awaited<ReturnType<typeof client.models.list>>['data']>().toEqualTypeOf<Model[]>();
    expectTypeOf<Awaited<ReturnType<typeof client.models.retrieve>>['_request_id']>().toEqualTypeOf<
      string | null | undefined
    >();
  });

  it('model fields are typed from the spec', () => {
    expectTypeOf<Model['id']>().toEqualTypeOf<string>();
    expectTypeOf<Model['object']>().toEqualTypeOf<'model'>();
    expectTypeOf<Model['created']>().toEqualTypeOf<number>();
    expectTypeOf<Model['shutdown_date']>().toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error a typo is a compile error, not `unknown`
    type Typo = Model['owned_bi'];
  });

  it('withResponse gives data, response and the request id', () => {
    expectTypeOf(client.models.retrieve('x').withResponse()).resolves.toExtend<WithResponse<Model>>();
    expectTypeOf<WithResponse<Model>['requestID']>().toEqualTypeOf<string | null>();
    expectTypeOf(client.models.list().asResponse()).resolves.toEqualTypeOf<Response>();
  });

  it('refuses wrong calls at compile time', () => {
    // @ts-expect-error the model id is required
    void client.models.retrieve();
    // @ts-expect-error the model id is a string
    void client.models.delete(42);
    // @ts-expect-error list takes no id
    void client.models.list('gpt-4o-mini');
    // @ts-expect-error a GET cannot carry a body
    void client.models.retrieve('x', { body: {} });
    void client.models.delete('x', { body: { purge: true }, headers: { 'OpenAI-Organization': null } });
  });
});

describe('what editors show (issue 14)', () => {
  it('results are the named types, with the request id as the official SDK types it', () => {
    expectTypeOf<Awaited<ReturnType<typeof client.models.retrieve>>>().toEqualTypeOf<
      Model & { _request_id?: string | null }
    >();
    expectTypeOf<Awaited<ReturnType<typeof client.models.delete>>>().toEqualTypeOf<
      ModelDeleted & { _request_id?: string | null }
    >();
    expectTypeOf<Awaited<ReturnType<typeof client.models.list>>>().toEqualTypeOf<Page<Model>>();
    expectTypeOf<Page<Model>['_request_id']>().toEqualTypeOf<string | null | undefined>();
  });

  it('offer no underscore members to autocomplete', () => {
    expectTypeOf<Extract<keyof OpenAI, `_${string}`>>().toBeNever();
    expectTypeOf<Extract<keyof OpenAI['models'], `_${string}`>>().toBeNever();
    expectTypeOf<Extract<keyof APIPromise<Model>, `_${string}`>>().toBeNever();
    // @ts-expect-error the old second road is gone
    void client._start;
  });
});

describe('client.api, the typed openapi-fetch client', () => {
  it('types data from the generated paths', async () => {
    const { data } = await client.api.GET('/models/{model}', { params: { path: { model: 'x' } } });
    expectTypeOf(data).toEqualTypeOf<Model | undefined>();
    const list = await client.api.GET('/models');
    expectTypeOf(list.data).toEqualTypeOf<components['schemas']['ListModelsResponse'] | undefined>();
  });

  it('rejects a wrong path, a missing id and a wrong method', () => {
    // @ts-expect-error no such path
    void client.api.GET('/model/{model}', { params: { path: { model: 'x' } } });
    // @ts-expect-error the path parameter is required
    void client.api.GET('/models/{model}', {});
    // @ts-expect-error the path parameter is required
    void client.api.GET('/models/{model}', { params: { path: {} } });
    // @ts-expect-error there is no POST /models
    void client.api.POST('/models', {});
    // @ts-expect-error there is no DELETE /models
    void client.api.DELETE('/models', {});
  });
});

describe('errors', () => {
  it('have the official hierarchy and fields', () => {
    expectTypeOf<NotFoundError>().toExtend<APIError>();
    expectTypeOf<APIError>().toExtend<OpenAIError>();
    expectTypeOf<APIError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<APIError['requestID']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf(OpenAI.NotFoundError).toEqualTypeOf<typeof NotFoundError>();
  });
});
