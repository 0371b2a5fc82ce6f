/**
 * What the validators check, read from spec/openapi.yaml: every JSON
 * response of every operation (its operationId and status) and the
 * component schemas they name, with `#/components/schemas/X` refs rewritten
 * to `#/$defs/X` so each schema compiles as a standalone 2020-12 document.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type JsonSchema = Record<string, unknown>;

export interface Target {
  operationId: string;
  status: string;
  /** The component schema the response's `application/json` content names. */
  schema: string;
}

export interface SpecSchemas {
  /** The component schemas, annotations dropped (they change no verdict, and the messages need none). */
  defs: Record<string, JsonSchema>;
  targets: Target[];
}

/** Keywords that only annotate: left out so a reworded description does not change the generated code. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'deprecated', '$comment', 'default']);
const PREFIX = '#/components/schemas/';

export function specSchemas(specText: string): SpecSchemas {
  const spec = parse(specText) as {
    paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
    components: { schemas: Record<string, JsonSchema>; responses?: Record<string, unknown> };
  };
  const targets: Target[] = [];
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation.operationId === undefined) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const ref = resolve(spec, response) as { content?: Record<string, { schema?: { $ref?: string } }> };
        const schemaRef = ref.content?.['application/json']?.schema?.$ref;
        if (schemaRef === undefined) continue;
        if (!schemaRef.startsWith(PREFIX))
          throw new Error(`${operation.operationId} ${status}: inline schemas are not supported`);
        targets.push({ operationId: operation.operationId, status, schema: schemaRef.slice(PREFIX.length) });
      }
    }
  }
  const defs = Object.fromEntries(
    Object.entries(spec.components.schemas).map(([name, schema]) => [name, strip(schema) as JsonSchema]),
  );
  return { defs, targets };
}

export function readSpecSchemas(path: string): SpecSchemas {
  return specSchemas(readFileSync(path, 'utf8'));
}

function resolve(spec: unknown, node: unknown): unknown {
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref !== 'string') return node;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: any, key) => at[key], spec);
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(PREFIX, '#/$defs/');
    // `properties` holds names, not keywords: a property called `description` stays.
    else if (key === 'properties')
      out[key] = Object.fromEntries(Object.entries(value as object).map(([name, sub]) => [name, strip(sub)]));
    else out[key] = strip(value);
  }
  return out;
}
