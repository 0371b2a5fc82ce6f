/**
 * `npm run bench:validators`: the standalone compilers side by side on this
 * spec, doing the same job (scripts/validators/compile.ts): min+gzip size of
 * all validators bundled with esbuild (whatever the generated code requires
 * inlined), the first error's detail, the verdicts of cases.ts, and CPU per
 * call on a retrieve body and on a list of 1,000 models. Prints figures only;
 * the budgets of issue 29 are printed beside them, not asserted.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root, specPath } from '../prism.js';
import { CASES, model } from './cases.js';
import { validatorModule, type Compiler } from './compile.js';
import { readSpecSchemas } from './schemas.js';
import type { Validators } from '../../generated/validators.js';

type Module = { validators: Validators } & Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'openai-models-validators-'));
const schemas = readSpecSchemas(specPath);
const list = { object: 'list', data: Array.from({ length: 1000 }, (_, i) => ({ ...model, id: `model-${i}` })) };

/** Bundled, minified, every import inlined; the module and its min+gzip size. */
async function bundled(compiler: Compiler, allErrors: boolean): Promise<{ gzip: number; module: Module }> {
  const result = await build({
    stdin: { contents: validatorModule(compiler, schemas, { allErrors }), resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0]!.contents;
  const file = join(dir, `${compiler}-${allErrors}.mjs`);
  writeFileSync(file, code);
  if (/(^|[^\w$'"])require\(/.test(Buffer.from(code).toString()))
    throw new Error(`${compiler}: the bundle still calls require()`);
  return { gzip: gzipSync(code, { level: 9 }).byteLength, module: (await import(pathToFileURL(file).href)) as Module };
}

/** Median CPU time of one call, in µs, over `rounds` rounds sized to about 50 ms each. */
function perCall(fn: () => unknown, rounds = 9): number {
  let n = 1;
  for (let t = 0; t < 20e6; n *= 2) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    t = Number(process.hrtime.bigint() - start);
    if (t > 20e6) break;
  }
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    times.push(Number(process.hrtime.bigint() - start) / n / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

const byName = (m: Module, schema: string) => m[`validate${schema}`] as (body: unknown) => unknown[] | null;

const rows: string[][] = [];
for (const compiler of ['schemasafe', 'ajv'] as const) {
  for (const allErrors of [false, true]) {
    const { gzip, module } = await bundled(compiler, allErrors);
    const wrong = CASES.filter((c) => {
      const errors = byName(module, c.schema)(c.body) as { path: string; keyword: string }[] | null;
      const got = errors === null ? null : { path: errors[0]!.path, keyword: errors[0]!.keyword };
      return JSON.stringify(got) !== JSON.stringify(c.first) || (!allErrors && errors !== null && errors.length !== 1);
    }).map((c) => c.name);
    const example = byName(module, 'ListModelsResponse')({ object: 'list', data: [{ ...model, created: 'x' }, {}] });
    rows.push([
      `${compiler} ${allErrors ? 'all errors' : 'first error'}`,
      String(gzip),
      perCall(() => module.validators.retrieveModel['200'](model)).toFixed(3),
      (perCall(() => module.validators.listModels['200'](list)) / 1000).toFixed(4),
      `${CASES.length - wrong.length}/${CASES.length}${wrong.length ? ` (wrong: ${wrong.join('; ')})` : ''}`,
      JSON.stringify(example),
    ]);
  }
}
rmSync(dir, { recursive: true, force: true });

const header = ['build', 'min+gzip B', 'µs/retrieve', 'ms/list of 1,000', 'cases right', 'errors of a bad list'];
console.log(
  `Node ${process.version}; budget (first-error build): <= 2048 B, <= 5 µs per retrieve, <= 1 ms per list of 1,000`,
);
for (const row of [header, ...rows]) console.log(row.join(' | '));
