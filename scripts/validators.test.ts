/**
 * The generated validators (generated/validators.ts and
 * validators-all-errors.ts) as strict mode and the conformance command will
 * see them: the spec's own examples pass, typical bad bodies fail with the
 * path, keyword, message and value a user reads, and the generator follows
 * the spec.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as all from '../generated/validators-all-errors.js';
import * as first from '../generated/validators.js';
import { specPath } from './prism.js';
import { CASES } from './validators/cases.js';
import { generatedValidators } from './generate-validators.js';

const spec = parse(readFileSync(specPath, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'openai-models-validators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every example of every response, with the validator its operation and status name. */
function responseExamples(): { name: string; operationId: string; status: string; value: unknown }[] {
  const out = [];
  for (const item of Object.values<any>(spec.paths))
    for (const op of Object.values<any>(item)) {
      if (!op.operationId) continue;
      for (const [status, declared] of Object.entries<any>(op.responses)) {
        const response = declared.$ref ? spec.components.responses[declared.$ref.split('/').pop()] : declared;
        for (const [name, example] of Object.entries<any>(response.content['application/json'].examples))
          out.push({
            name: `${op.operationId} ${status} ${name}`,
            operationId: op.operationId,
            status,
            value: example.value,
          });
      }
    }
  return out;
}

describe.each([
  ['first-error build', first],
  ['all-errors build', all],
])('%s', (_, build) => {
  it.each(responseExamples())("accepts the spec's example $name", ({ operationId, status, value }) => {
    const byStatus = build.validators[operationId as keyof typeof build.validators] as Record<string, first.Validator>;
    expect(byStatus[status]!(value)).toBeNull();
  });

  it.each(spec.components.schemas.Model.examples as unknown[])("accepts the Model schema's example %#", (example) => {
    expect(build.validateModel(example)).toBeNull();
  });

  it.each(CASES)('$name: $first', ({ schema, body, first: expected }) => {
    const errors = build[`validate${schema}`](body);
    if (expected === null) return expect(errors).toBeNull();
    expect(errors?.[0]).toMatchObject(expected);
    expect(errors?.[0]?.message.startsWith(`${expected.path} `)).toBe(true);
  });
});

describe('errors as a user reads them', () => {
  it('names the path, the rule, the value, in one sentence', () => {
    const body = {
      object: 'list',
      data: [
        { id: 'a', object: 'model', created: 1, owned_by: 's' },
        { id: 'b', object: 'model', created: '2024', owned_by: 's' },
      ],
    };
    expect(first.validators.listModels['200'](body)).toEqual([
      {
        path: 'body.data[1].created',
        keyword: 'type',
        message: 'body.data[1].created is not an integer',
        value: '2024',
      },
    ]);
  });

  it('says what each rule of the spec wants', () => {
    const model = { id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' };
    const message = (body: unknown) => first.validateModel(body)?.[0]?.message;
    expect(message({ ...model, object: 'list' })).toBe('body.object is not "model"');
    expect(message({ ...model, id: '' })).toBe('body.id is empty');
    expect(message({ ...model, shutdown_date: '2026-02-30' })).toBe('body.shutdown_date is not a valid date');
    expect(message({ ...model, shutdown_date: 1 })).toBe('body.shutdown_date is not a string or null');
    expect(message({ id: 'x', object: 'model', owned_by: 'system' })).toBe('body.created is missing');
    expect(message('gpt-4o-mini')).toBe('body is not an object');
    expect(first.validators.deleteModel['404']({ error: { message: 'm', type: 't', param: null, code: 404 } })).toEqual(
      [{ path: 'body.error.code', keyword: 'type', message: 'body.error.code is not a string or null', value: 404 }],
    );
  });

  it('gives every error of a body in the all-errors build, the first alone in the other', () => {
    const body = { object: 'list', data: [{ id: 'a', object: 'model', created: 1.5, owned_by: 's' }, {}] };
    expect(all.validateListModelsResponse(body)?.map((e) => e.message)).toEqual([
      'body.data[0].created is not an integer',
      'body.data[1].id is missing',
      'body.data[1].object is missing',
      'body.data[1].created is missing',
      'body.data[1].owned_by is missing',
    ]);
    expect(first.validateListModelsResponse(body)?.map((e) => e.message)).toEqual([
      'body.data[0].created is not an integer',
    ]);
  });

  it('keys the validators by operationId and every declared status', () => {
    expect(
      Object.fromEntries(Object.entries(first.validators).map(([id, byStatus]) => [id, Object.keys(byStatus)])),
    ).toEqual({
      listModels: ['200', '401', '429', '500'],
      retrieveModel: ['200', '401', '404', '429', '500'],
      deleteModel: ['200', '401', '403', '404', '429', '500'],
    });
    expect(first.validators.retrieveModel['200']).toBe(first.validateModel);
  });
});

describe('the generator', () => {
  const generate = (text: string) => {
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, text);
    return generatedValidators(file);
  };
  const specText = readFileSync(specPath, 'utf8');

  it('generates what is committed', () => {
    for (const { file, text } of generate(specText)) expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('follows a property added to the spec', () => {
    const edited = specText.replace(
      '        owned_by:\n          type: string\n',
      '        owned_by:\n          type: string\n        context_window:\n          type: integer\n',
    );
    expect(edited).not.toBe(specText);
    const [before, after] = [generate(specText)[0]!.text, generate(edited)[0]!.text];
    expect(after).not.toBe(before);
    expect(after).toContain('context_window');
  });

  it('ignores a reworded description', () => {
    const edited = specText.replace('The organization that owns the model.', 'Who owns the model.');
    expect(edited).not.toBe(specText);
    expect(generate(edited)[0]!.text).toBe(generate(specText)[0]!.text);
  });

  it('refuses a keyword it has no message for', () => {
    const edited = specText.replace(
      '        created:\n          type: integer\n',
      '        created:\n          type: integer\n          minimum: 0\n',
    );
    expect(() => generate(edited)).toThrow(
      'Model.properties.created uses "minimum": teach scripts/validators/compile.ts its message first',
    );
  });
});
