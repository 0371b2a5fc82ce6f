/**
 * The spec, loaded for the tests: its examples (what Prism must answer) and
 * an Ajv 2020-12 validator for its schemas, independent of the client's own
 * checks.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { specPath } from '../../scripts/prism.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const spec: Record<string, any> = parse(readFileSync(specPath, 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// Register the whole document so `#/components/...` refs resolve.
ajv.addSchema({ ...spec, $id: 'openapi.json' }, 'openapi.json');

/** Validates `value` against `#/components/schemas/<name>`; returns the errors, or [] when valid. */
export function schemaErrors(name: string, value: unknown): string[] {
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The value of a named example of a response, following `$ref`s. */
export function responseExample(path: string, method: string, status: string, name: string): unknown {
  let response = spec['paths'][path][method]['responses'][status];
  if (response.$ref) response = resolve(response.$ref);
  return response.content['application/json'].examples[name].value;
}

function resolve(ref: string): any {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key) => node[key], spec);
}
