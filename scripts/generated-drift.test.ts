/**
 * `npm run check:generated` really guards the generated types and
 * validators: in a temp copy of the project, it passes on the committed
 * files and fails once the spec changes without regenerating.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './prism.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'openai-models-drift-'));
for (const entry of ['spec', 'generated', 'redocly.yaml', 'package.json'])
  cpSync(join(root, entry), join(dir, entry), { recursive: true });
const bin = join(root, 'node_modules', '.bin', 'openapi-typescript');
const check = () => run(bin, ['spec/openapi.yaml', '-o', 'generated/openapi.ts', '--check'], { cwd: dir });
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const checkValidators = () => run(tsx, [join(root, 'scripts', 'generate-validators.ts'), '--check'], { cwd: dir });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check:generated', () => {
  it('passes when generated/openapi.ts matches the spec', async () => {
    await expect(check()).resolves.toBeDefined();
  });

  it('passes when the generated validators match the spec', async () => {
    await expect(checkValidators()).resolves.toBeDefined();
  });

  it('fails when a generated validator was edited by hand', async () => {
    const file = join(dir, 'generated', 'validators-all-errors.ts');
    const committed = readFileSync(file, 'utf8');
    writeFileSync(file, committed.replace("return 'is missing'", "return 'is absent'"));
    await expect(checkValidators()).rejects.toMatchObject({
      code: 1,
      stderr:
        'generated/validators-all-errors.ts differs from what spec/openapi.yaml generates: run npm run generate\n',
    });
    writeFileSync(file, committed);
  });

  it('fails when the spec changed but the types were not regenerated', async () => {
    const specFile = join(dir, 'spec', 'openapi.yaml');
    const spec = readFileSync(specFile, 'utf8');
    const edited = spec.replace(
      // Before owned_by, whose description would otherwise land under the new property twice.
      '        owned_by:\n',
      '        context_window:\n          type: integer\n          description: Tokens of context.\n        owned_by:\n',
    );
    expect(edited).not.toBe(spec);
    writeFileSync(specFile, edited);
    await expect(check()).rejects.toMatchObject({ code: 1 });
    await expect(checkValidators()).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('generated/validators.ts differs from what spec/openapi.yaml generates'),
    });
  });
});
