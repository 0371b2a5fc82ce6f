/**
 * Turns the spec's schemas into the source of one standalone validator
 * module (TypeScript syntax, JavaScript inside), with either compiler: the
 * generator uses one (scripts/generate-validators.ts), the comparison both
 * (scripts/validators/compare.ts). Both backends end in the same wrapper, so
 * they are measured doing the same job: every validator returns null, or
 * errors `{ path: 'body.data[3].created', keyword, message, value }`.
 */
import { validator } from '@exodus/schemasafe';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, SpecSchemas } from './schemas.js';

// Both are CommonJS with a default export.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export type Compiler = 'schemasafe' | 'ajv';
export interface Build {
  /** Every error of a body (for conformance reports), or only the first (strict mode; smaller). */
  allErrors: boolean;
}

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The keywords the messages know. Anything else in the spec stops the
 * generator, so a new rule never reaches users as a vague message.
 */
const STRUCTURAL = ['type', 'properties', 'items', '$ref', 'required', 'enum', 'minLength', 'format'];

export function checkKeywords(defs: Record<string, JsonSchema>): void {
  const visit = (node: unknown, where: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (!STRUCTURAL.includes(key))
        throw new Error(`${where} uses "${key}": teach scripts/validators/compile.ts its message first`);
      if (key === 'properties')
        for (const [name, sub] of Object.entries(value as object)) {
          // Paths are read from JSON pointers unescaped: a name needing escapes would be misread.
          if (/[~/]/.test(name))
            throw new Error(`${where} has a property "${name}": JSON pointer escapes are not handled`);
          visit(sub, `${where}.properties.${name}`);
        }
      else if (key === 'items') visit(value, `${where}.items`);
    }
  };
  for (const [name, schema] of Object.entries(defs)) visit(schema, name);
}

/** The module's source: types, raw validators, the shared wrapper, the exports. */
export function validatorModule(compiler: Compiler, schemas: SpecSchemas, build: Build): string {
  checkKeywords(schemas.defs);
  const names = [...new Set(schemas.targets.map((t) => t.schema))].sort();
  const raw =
    compiler === 'schemasafe' ? schemasafeRaw(schemas.defs, names, build) : ajvRaw(schemas.defs, names, build);
  const operations = new Map<string, string[]>();
  for (const t of schemas.targets)
    operations.set(t.operationId, [...(operations.get(t.operationId) ?? []), `'${t.status}': validate${t.schema}`]);
  return [
    TYPES,
    raw,
    RUNTIME,
    compiler === 'schemasafe' ? schemasafeAdapter(schemas.defs) : AJV_ADAPTER,
    ...names.map(
      (name) =>
        `/** Checks a body against \`#/components/schemas/${name}\`. */\nexport const validate${name}: Validator = /* @__PURE__ */ check(raw${name}, '${name}');`,
    ),
    '/** The validators of each operation, by status: every JSON response the spec declares. */',
    'export interface Validators {',
    ...[...operations].map(
      ([id, entries]) =>
        `  readonly ${id}: { ${entries.map((e) => `readonly ${e.split(':')[0]}: Validator`).join('; ')} };`,
    ),
    '}',
    '',
    "/** `validators.retrieveModel['200'](body)`: by operationId, then status. */",
    'export const validators: Validators = {',
    ...[...operations].map(([id, entries]) => `  ${id}: { ${entries.join(', ')} },`),
    '};',
    '',
  ].join('\n');
}

const TYPES = `/** One way a body breaks the spec. */
export interface ValidationError {
  /** Where, in the client's message style: \`body\`, \`body.data[3].created\`. */
  path: string;
  /** The JSON Schema keyword broken: \`type\`, \`required\`, \`enum\`, \`minLength\`, \`format\`... */
  keyword: string;
  /** \`path\` and what is wrong there: \`body.data[3].created is not an integer\`. */
  message: string;
  /** The value found at \`path\` (undefined when \`required\` says it is missing), as it came. */
  value: unknown;
}

/** null when \`body\` conforms; otherwise its errors (one in the first-error build). */
export type Validator = (body: unknown) => ValidationError[] | null;
`;

/** Paths and messages from a keyword and its schema value; shared by both backends. */
const RUNTIME = `const article = (type) => (type === 'null' ? 'null' : (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type);

function phrase(keyword, rule) {
  if (keyword === 'type') return 'is not ' + [].concat(rule).map(article).join(' or ');
  if (keyword === 'required') return 'is missing';
  if (keyword === 'enum') return 'is not ' + rule.map((v) => JSON.stringify(v)).join(' or ');
  if (keyword === 'minLength') return rule === 1 ? 'is empty' : 'is shorter than ' + rule + ' characters';
  return 'is not a valid ' + rule; // format: checkKeywords() let no other keyword through
}

// JSON pointer segments (already unescaped) to \`body.data[3].created\`, and the value found there.
function locate(body, keys) {
  let path = 'body';
  let value = body;
  for (const key of keys) {
    path += Array.isArray(value) ? '[' + key + ']' : /^[A-Za-z_$][\\w$]*$/.test(key) ? '.' + key : '[' + JSON.stringify(key) + ']';
    value = value != null && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  }
  return { path, value };
}

// No property name holds \`/\` or \`~\` (checkKeywords()), so no segment needs unescaping.
const pointer = (text) => (text === '' ? [] : text.split('/'));

function error(body, keys, keyword, rule) {
  const { path, value } = locate(body, keys);
  return { path, keyword, message: path + ' ' + phrase(keyword, rule), value };
}
`;

/** schemasafe reports where in the schema (keywordLocation): the rule is read from a copy of the schemas. */
function schemasafeAdapter(defs: Record<string, JsonSchema>): string {
  // What the messages read: \`required\` lists are left out, the message names the property from the path.
  const rules = JSON.stringify(defs, (key, value: unknown) =>
    key === 'required' && Array.isArray(value) ? undefined : value,
  );
  return `const defs = ${rules};

function report(root, raw, body) {
  return raw.map(({ keywordLocation, instanceLocation }) => {
    const steps = pointer(keywordLocation.slice(2));
    const keyword = steps.pop();
    let node = { $ref: root };
    for (const step of steps) node = step === '$ref' ? defs[node.$ref.split('/').pop()] : node[step];
    return error(body, pointer(instanceLocation.slice(2)), keyword, node[keyword]);
  });
}

const check = (raw, root) => (body) => (raw(body) ? null : report(root, raw.errors, body));
`;
}

/** Ajv reports the rule's parameters itself; \`required\` names the missing property beside the object's path. */
const AJV_ADAPTER = `const RULE = { type: 'type', enum: 'allowedValues', const: 'allowedValue', minLength: 'limit', format: 'format' };

function report(raw, body) {
  return raw.map(({ instancePath, keyword, params }) => {
    const keys = pointer(instancePath.slice(1));
    if (keyword === 'required') keys.push(params.missingProperty);
    return error(body, keys, keyword, params[RULE[keyword]]);
  });
}

const check = (raw) => (body) => (raw(body) ? null : report(raw.errors, body));
`;

function schemasafeRaw(defs: Record<string, JsonSchema>, names: string[], build: Build): string {
  // One module for all roots (`multi`), so the schemas they share (Model) are compiled once.
  const code = validator(
    names.map((name) => ({ $schema: DIALECT, $ref: `spec.json#/$defs/${name}` })) as never,
    {
      multi: true,
      schemas: { 'spec.json': { $schema: DIALECT, $defs: defs } },
      includeErrors: true,
      allErrors: build.allErrors,
      // The spec's objects are open by design (see its schemas' comment): no unevaluated/additional checks wanted.
      requireValidation: false,
    } as never,
  ).toModule();
  return `const [${names.map((name) => `raw${name}`).join(', ')}] = /* @__PURE__ */ ${code.trim().replace(/;$/, '')};`;
}

function ajvRaw(defs: Record<string, JsonSchema>, names: string[], build: Build): string {
  const ajv = new Ajv2020({
    code: { source: true, esm: true },
    allErrors: build.allErrors,
    // The wrapper writes the messages from the parameters.
    messages: false,
    strict: true,
  });
  addFormats(ajv, ['date']);
  ajv.addSchema({ $schema: DIALECT, $id: 'spec.json', $defs: defs });
  const refs = Object.fromEntries(names.map((name) => [`raw${name}`, `spec.json#/$defs/${name}`]));
  return standaloneCode(ajv, refs)
    .replace(/^"use strict";/, '')
    .replace(/export const (raw\w+) = /g, 'const $1 = ');
}
