/**
 * Bodies against the spec's schemas, each with the verdict JSON Schema
 * 2020-12 gives: used to compare the compilers (compare.ts) and to test the
 * generated validators (validators.test.ts).
 */
export interface Case {
  name: string;
  schema: 'Model' | 'ListModelsResponse' | 'DeleteModelResponse' | 'ErrorResponse';
  body: unknown;
  /** The first error expected, or null for a body that conforms. */
  first: { path: string; keyword: string } | null;
}

export const model = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };
const withModel = (changes: Record<string, unknown>): Record<string, unknown> => ({ ...model, ...changes });
const without = (key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(model).filter(([k]) => k !== key));
const error = { message: 'nope', type: 'invalid_request_error', param: null, code: null };

export const CASES: Case[] = [
  { name: 'a model', schema: 'Model', body: model, first: null },
  { name: 'an added property (objects are open)', schema: 'Model', body: withModel({ root: 'x' }), first: null },
  { name: 'a one-character id outside the BMP', schema: 'Model', body: withModel({ id: '😀' }), first: null },
  { name: 'shutdown_date null (type array)', schema: 'Model', body: withModel({ shutdown_date: null }), first: null },
  { name: 'shutdown_date a date', schema: 'Model', body: withModel({ shutdown_date: '2026-06-30' }), first: null },
  {
    name: 'shutdown_date on 29 February of a leap year',
    schema: 'Model',
    body: withModel({ shutdown_date: '2024-02-29' }),
    first: null,
  },
  { name: 'created 1e300 (a whole number)', schema: 'Model', body: withModel({ created: 1e300 }), first: null },
  {
    name: 'no created',
    schema: 'Model',
    body: without('created'),
    first: { path: 'body.created', keyword: 'required' },
  },
  {
    name: 'created a fraction',
    schema: 'Model',
    body: withModel({ created: 1.5 }),
    first: { path: 'body.created', keyword: 'type' },
  },
  {
    name: 'created a string',
    schema: 'Model',
    body: withModel({ created: '1721172741' }),
    first: { path: 'body.created', keyword: 'type' },
  },
  {
    name: 'created null',
    schema: 'Model',
    body: withModel({ created: null }),
    first: { path: 'body.created', keyword: 'type' },
  },
  {
    name: 'an empty id',
    schema: 'Model',
    body: withModel({ id: '' }),
    first: { path: 'body.id', keyword: 'minLength' },
  },
  {
    name: 'object not "model"',
    schema: 'Model',
    body: withModel({ object: 'Model' }),
    first: { path: 'body.object', keyword: 'enum' },
  },
  {
    name: 'shutdown_date 30 February',
    schema: 'Model',
    body: withModel({ shutdown_date: '2026-02-30' }),
    first: { path: 'body.shutdown_date', keyword: 'format' },
  },
  {
    name: 'shutdown_date 29 February 2100',
    schema: 'Model',
    body: withModel({ shutdown_date: '2100-02-29' }),
    first: { path: 'body.shutdown_date', keyword: 'format' },
  },
  {
    name: 'shutdown_date a date-time',
    schema: 'Model',
    body: withModel({ shutdown_date: '2026-06-30T00:00:00Z' }),
    first: { path: 'body.shutdown_date', keyword: 'format' },
  },
  {
    name: 'shutdown_date a number',
    schema: 'Model',
    body: withModel({ shutdown_date: 20260630 }),
    first: { path: 'body.shutdown_date', keyword: 'type' },
  },
  { name: 'a model that is an array', schema: 'Model', body: [model], first: { path: 'body', keyword: 'type' } },
  { name: 'a list', schema: 'ListModelsResponse', body: { object: 'list', data: [model, model] }, first: null },
  { name: 'an empty list', schema: 'ListModelsResponse', body: { object: 'list', data: [] }, first: null },
  {
    name: "Ollama's data: null",
    schema: 'ListModelsResponse',
    body: { object: 'list', data: null },
    first: { path: 'body.data', keyword: 'type' },
  },
  {
    name: "Together's bare array",
    schema: 'ListModelsResponse',
    body: [model],
    first: { path: 'body', keyword: 'type' },
  },
  {
    name: "OpenRouter's list without object",
    schema: 'ListModelsResponse',
    body: { data: [model] },
    first: { path: 'body.object', keyword: 'required' },
  },
  {
    name: "LM Studio's model without created",
    schema: 'ListModelsResponse',
    body: { object: 'list', data: [model, without('created')] },
    first: { path: 'body.data[1].created', keyword: 'required' },
  },
  {
    name: 'a bad fourth model',
    schema: 'ListModelsResponse',
    body: { object: 'list', data: [model, model, model, withModel({ created: '2024' })] },
    first: { path: 'body.data[3].created', keyword: 'type' },
  },
  {
    name: 'a deletion',
    schema: 'DeleteModelResponse',
    body: { id: 'ft:x', object: 'model', deleted: true },
    first: null,
  },
  {
    name: 'deleted a string',
    schema: 'DeleteModelResponse',
    body: { id: 'ft:x', object: 'model', deleted: 'true' },
    first: { path: 'body.deleted', keyword: 'type' },
  },
  { name: 'an error', schema: 'ErrorResponse', body: { error }, first: null },
  {
    name: 'LiteLLM\'s param "None" and code "401"',
    schema: 'ErrorResponse',
    body: { error: { ...error, param: 'None', code: '401' } },
    first: null,
  },
  {
    name: "llama.cpp's integer code",
    schema: 'ErrorResponse',
    body: { error: { code: 404, message: 'File Not Found', type: 'not_found_error', param: null } },
    first: { path: 'body.error.code', keyword: 'type' },
  },
  {
    name: "vLLM's error string",
    schema: 'ErrorResponse',
    body: { error: 'Unauthorized' },
    first: { path: 'body.error', keyword: 'type' },
  },
  {
    name: "FastAPI's detail",
    schema: 'ErrorResponse',
    body: { detail: 'Not Found' },
    first: { path: 'body.error', keyword: 'required' },
  },
];
