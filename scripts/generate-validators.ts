/**
 * Second half of `npm run generate`: the standalone validators of
 * spec/openapi.yaml's responses, compiled by @exodus/schemasafe (chosen by
 * measurement: `npm run bench:validators`), with no run-time dependency.
 *
 * Writes two builds of the same validators, with the same exports:
 *   generated/validators.ts             first error only (strict mode; smallest)
 *   generated/validators-all-errors.ts  every error of a body (conformance reports)
 *
 * Exports of each:
 *   validateModel, validateListModelsResponse, validateDeleteModelResponse,
 *   validateErrorResponse: Validator       one per component schema a response names
 *   validators: Validators                 the same, by operationId then status:
 *                                          validators.retrieveModel['200'], validators.listModels['401']...
 *   type Validator = (body: unknown) => ValidationError[] | null    null when the body conforms
 *   interface ValidationError { path, keyword, message, value }
 *     e.g. { path: 'body.data[3].created', keyword: 'type',
 *            message: 'body.data[3].created is not an integer', value: '2024' }
 *
 * `--check` writes nothing and exits 1 when a committed file differs from
 * what the spec generates (scripts/generated-drift.test.ts). Paths are
 * relative to the working folder, as npm runs it from the root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatorModule } from './validators/compile.js';
import { readSpecSchemas } from './validators/schemas.js';

const BUILDS = [
  { file: 'generated/validators.ts', allErrors: false },
  { file: 'generated/validators-all-errors.ts', allErrors: true },
];

export function generatedValidators(spec: string): { file: string; text: string }[] {
  const schemas = readSpecSchemas(spec);
  return BUILDS.map(({ file, allErrors }) => ({
    file,
    text: [
      '// @ts-nocheck: compiled code, typed by the annotations of its exports.',
      `// Generated from spec/openapi.yaml by scripts/generate-validators.ts (${allErrors ? 'every error' : 'first error only'}); do not edit: run \`npm run generate\`.`,
      validatorModule('schemasafe', schemas, { allErrors }),
    ].join('\n'),
  }));
}

const checking = process.argv.includes('--check');
let stale = 0;
for (const { file, text } of generatedValidators(join('spec', 'openapi.yaml'))) {
  if (!checking) writeFileSync(file, text);
  else if (readFileSafe(file) !== text) {
    console.error(`${file} differs from what spec/openapi.yaml generates: run npm run generate`);
    stale++;
  }
}
process.exitCode = stale > 0 ? 1 : 0;

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
