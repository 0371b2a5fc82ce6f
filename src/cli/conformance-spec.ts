/**
 * What `conformance` checks, read from spec/openapi.yaml at run time: each
 * operation with its method, path, path parameters and declared responses
 * (status, schema, media types, headers). Nothing here names an operation
 * or a field: a change to the spec changes the checks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

export type JsonSchema = { [key: string]: unknown };

export interface SpecResponse {
  /** The component schema of its JSON body (`ListModelsResponse`), if it declares one. */
  schema: string | undefined;
  mediaTypes: string[];
  headers: { name: string; required: boolean }[];
}

export interface SpecOperation {
  operationId: string;
  /** Upper case: `GET`. */
  method: string;
  /** As the spec writes it: `/models/{model}`. */
  path: string;
  pathParams: string[];
  /** Whether a key is required (a security requirement applies). */
  secured: boolean;
  responses: Record<string, SpecResponse>;
}

export interface Spec {
  title: string;
  version: string;
  operations: SpecOperation[];
  schemas: Record<string, JsonSchema>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The operations of a parsed OpenAPI 3.1 document, in the order it lists them. */
export function readSpec(doc: JsonSchema): Spec {
  const info = object(doc['info']);
  const components = object(doc['components']);
  const globalSecurity = Array.isArray(doc['security']) && doc['security'].length > 0;
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(object(doc['paths']))) {
    for (const method of METHODS) {
      const operation = object(object(item)[method]);
      if (typeof operation['operationId'] !== 'string') continue;
      const security = operation['security'];
      operations.push({
        operationId: operation['operationId'],
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => String(match[1])),
        secured: Array.isArray(security) ? security.length > 0 : globalSecurity,
        responses: Object.fromEntries(
          Object.entries(object(operation['responses'])).map(([status, response]) => [
            status,
            specResponse(doc, response),
          ]),
        ),
      });
    }
  }
  return {
    title: String(info['title']),
    version: String(info['version']),
    operations,
    schemas: object(components['schemas']) as Record<string, JsonSchema>,
  };
}

/**
 * spec/openapi.yaml of this package, which ships it beside package.json;
 * found through the package's self-reference, as version.ts finds its
 * version, so it resolves the same from src/ (tsx), dist/ and an install.
 */
export function loadSpec(): Spec {
  const manifest = createRequire(import.meta.url).resolve('openai-models/package.json');
  return readSpec(parse(readFileSync(join(dirname(manifest), 'spec', 'openapi.yaml'), 'utf8')) as JsonSchema);
}

/** The schema a `$ref` of `#/components/schemas/X` names, with its name. */
export function schemaOf(spec: Spec, node: unknown): { name: string | undefined; schema: JsonSchema } {
  const ref = object(node)['$ref'];
  if (typeof ref !== 'string') return { name: undefined, schema: object(node) };
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  return { name, schema: spec.schemas[name] ?? {} };
}

function specResponse(doc: JsonSchema, node: unknown): SpecResponse {
  const response = resolve(doc, node);
  const content = object(response['content']);
  const ref = object(object(content['application/json'])['schema'])['$ref'];
  return {
    schema: typeof ref === 'string' ? ref.split('/').pop() : undefined,
    mediaTypes: Object.keys(content),
    headers: Object.entries(object(response['headers'])).map(([name, header]) => ({
      name: name.toLowerCase(),
      required: resolve(doc, header)['required'] === true,
    })),
  };
}

/** A node, or the one its local `$ref` points to. */
function resolve(doc: JsonSchema, node: unknown): JsonSchema {
  const ref = object(node)['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return object(node);
  return object(
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => object(at)[key], doc),
  );
}

function object(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};
}
