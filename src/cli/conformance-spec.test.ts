/**
 * What `conformance` reads from an OpenAPI document (readSpec, schemaOf):
 * small hand-written documents, each showing one rule.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec, readSpec, schemaOf, type JsonSchema } from './conformance-spec.js';

const LIST = { type: 'object', properties: { object: { const: 'list' } } };

function doc(more: JsonSchema = {}): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Models', version: '1.2.3' },
    components: { schemas: { ListModelsResponse: LIST } },
    paths: {},
    ...more,
  };
}

describe('readSpec', () => {
  it('the title and version of info', () => {
    expect(readSpec(doc())).toMatchObject({ title: 'Models', version: '1.2.3', operations: [] });
  });

  it('each operation with an operationId, in order, with its method, path and path parameters', () => {
    const spec = readSpec(
      doc({
        paths: {
          '/models': { get: { operationId: 'listModels' }, post: { summary: 'no operationId: not checked' } },
          '/models/{model}/versions/{version_id}': {
            parameters: [],
            delete: { operationId: 'deleteVersion' },
            get: { operationId: 'retrieveVersion' },
          },
        },
      }),
    );
    expect(
      spec.operations.map(({ operationId, method, path, pathParams }) => [operationId, method, path, pathParams]),
    ).toEqual([
      ['listModels', 'GET', '/models', []],
      ['retrieveVersion', 'GET', '/models/{model}/versions/{version_id}', ['model', 'version_id']],
      ['deleteVersion', 'DELETE', '/models/{model}/versions/{version_id}', ['model', 'version_id']],
    ]);
  });

  it.each([
    ['no security anywhere', undefined, undefined, false],
    ['an empty global security', [], undefined, false],
    ['a global requirement', [{ ApiKeyAuth: [] }], undefined, true],
    ['a global requirement the operation lifts', [{ ApiKeyAuth: [] }], [], false],
    ['a requirement of the operation only', undefined, [{ ApiKeyAuth: [] }], true],
    ['an empty global security, the operation requiring one', [], [{ ApiKeyAuth: [] }], true],
    ['a global security that is not a list', 'ApiKeyAuth', undefined, false],
  ])('secured with %s: %s', (_what, global, own, secured) => {
    const operation = { operationId: 'listModels', ...(own === undefined ? {} : { security: own }) };
    const spec = readSpec(
      doc({ ...(global === undefined ? {} : { security: global }), paths: { '/m': { get: operation } } }),
    );
    expect(spec.operations[0]?.secured).toBe(secured);
  });

  it('each response: its JSON schema by name, media types, headers (lower case) and whether each is required', () => {
    const spec = readSpec(
      doc({
        components: {
          schemas: { ListModelsResponse: LIST },
          headers: { RequestId: { required: true, schema: { type: 'string' } } },
          responses: {
            Error: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              headers: { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } },
            },
          },
        },
        paths: {
          '/models': {
            get: {
              operationId: 'listModels',
              responses: {
                '200': {
                  content: {
                    'application/json': { schema: { $ref: '#/components/schemas/ListModelsResponse' } },
                    'text/event-stream': {},
                  },
                  headers: {
                    'X-Request-Id': { $ref: '#/components/headers/RequestId' },
                    'OpenAI-Processing-Ms': { schema: { type: 'integer' } },
                    'X-Quoted': { required: 'true' },
                  },
                },
                '204': { description: 'nothing' },
                default: { $ref: '#/components/responses/Error' },
              },
            },
          },
        },
      }),
    );
    expect(spec.operations[0]?.responses).toEqual({
      '200': {
        schema: 'ListModelsResponse',
        mediaTypes: ['application/json', 'text/event-stream'],
        headers: [
          { name: 'x-request-id', required: true },
          { name: 'openai-processing-ms', required: false },
          { name: 'x-quoted', required: false },
        ],
      },
      '204': { schema: undefined, mediaTypes: [], headers: [] },
      default: {
        schema: 'Error',
        mediaTypes: ['application/json'],
        headers: [{ name: 'x-request-id', required: true }],
      },
    });
    expect(spec.schemas).toEqual({ ListModelsResponse: LIST });
  });

  it('an inline JSON schema names no component', () => {
    const spec = readSpec(
      doc({
        paths: {
          '/m': {
            get: { operationId: 'm', responses: { '200': { content: { 'application/json': { schema: LIST } } } } },
          },
        },
      }),
    );
    expect(spec.operations[0]?.responses['200']?.schema).toBeUndefined();
  });

  it.each([
    [
      'to another document is not looked up here: the node is read as written',
      'common.yaml#/components/headers/H',
      true,
    ],
    ['to nothing in the document is an empty node', '#/components/headers/Missing', false],
  ])('a $ref %s', (_what, $ref, required) => {
    const header = { $ref, required: true };
    const spec = readSpec(
      doc({
        paths: { '/m': { get: { operationId: 'm', responses: { '200': { headers: { 'X-Request-Id': header } } } } } },
      }),
    );
    expect(spec.operations[0]?.responses['200']?.headers).toEqual([{ name: 'x-request-id', required }]);
  });

  it('empty (null) sections, as YAML writes `paths:` with nothing under it, are read as empty', () => {
    const spec = readSpec({ info: null, components: null, paths: { '/m': null, '/n': { get: null } } });
    expect(spec).toEqual({ title: 'undefined', version: 'undefined', operations: [], schemas: {} });
    expect(readSpec({ paths: ['/m'] }).operations).toEqual([]);
  });
});

describe('schemaOf', () => {
  const spec = readSpec(doc());

  it('a $ref names its component schema', () => {
    expect(schemaOf(spec, { $ref: '#/components/schemas/ListModelsResponse' })).toEqual({
      name: 'ListModelsResponse',
      schema: LIST,
    });
  });

  it('a $ref to no schema of the spec names it, with an empty schema', () => {
    expect(schemaOf(spec, { $ref: '#/components/schemas/Nope' })).toEqual({ name: 'Nope', schema: {} });
  });

  it('an inline schema has no name', () => {
    expect(schemaOf(spec, LIST)).toEqual({ name: undefined, schema: LIST });
    expect(schemaOf(spec, undefined)).toEqual({ name: undefined, schema: {} });
  });
});

describe('loadSpec', () => {
  it('reads spec/openapi.yaml of this package', () => {
    const spec = loadSpec();
    expect(spec.title).not.toBe('undefined');
    expect(spec.operations.map((operation) => operation.operationId)).toContain('listModels');
  });
});
