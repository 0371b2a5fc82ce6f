/**
 * `openai-models` as a drop-in for models code written against the official
 * SDK. Each program of contract-tests/dropin/ is a use of `openai` modelled on
 * real code (its source is named at its top). With only the import
 * specifiers changed, every program
 *   - type-checks against `openai` 6.x as written, against `openai` 7.x
 *     (`openai-v7`), and against `openai-models` (one tsc program per package,
 *     under the project's strict tsconfig), and
 *   - prints the same lines against the Prism mock under `openai` 6.x and
 *     `openai-models` (7.x needs Node >= 22 to run; it is type-checked only).
 *
 * `openai-models` and its deep paths resolve through package.json "exports",
 * mapped onto src/ (the published map, without a build).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root } from '../scripts/prism.js';
import { cleanEnv } from './support/cli.js';

const run = promisify(execFile);
const corpus = join(root, 'contract-tests', 'dropin');
const programs = readdirSync(corpus)
  .filter((name) => name.endsWith('.ts'))
  .sort();
const scratch = join(root, '.tmp', 'dropin');
const variants = ['openai', 'openai-v7', 'openai-models'] as const;
type Variant = (typeof variants)[number];

/** `from 'openai'` / `from 'openai/x'` → the same specifier of `pkg`; nothing else changes. */
export function retarget(source: string, pkg: string): string {
  return source.replace(
    /(\bfrom\s*|\bimport\s*\(\s*)(['"])openai(\/[^'"]*)?\2/g,
    (_, lead: string, quote: string, sub = '') => `${lead}${quote}${pkg}${sub}${quote}`,
  );
}

/** tsconfig `paths` for `openai-models` and each deep path of package.json "exports", onto src/. */
function sourcePaths(): Record<string, string[]> {
  const exportsMap = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports as Record<string, unknown>;
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    const file = typeof target === 'string' ? target : (target as { default: string }).default;
    const match = /^\.\/dist\/(src\/.*)\.js$/.exec(file);
    if (match) paths[`openai-models${subpath.slice(1)}`] = [join(root, `${match[1]}.ts`)];
  }
  return paths;
}

/**
 * Where openai-models prints something else on purpose, line by line. The
 * official classes never set `name`, so `err.name` is `"Error"` for all of
 * them (its README shows `BadRequestError`); ours carry their class name.
 * The test checks that the official SDK still prints `official`, so the list
 * cannot outlive the difference.
 */
const intended: Record<string, { line: number; official: string; ours: string }[]> = {
  '04-api-error-static.ts': [{ line: 2, official: 'Error', ours: 'AuthenticationError' }],
  '19-request-options.ts': [{ line: 1, official: 'true Error', ours: 'true APIUserAbortError' }],
};

function folder(variant: Variant): string {
  return join(scratch, variant);
}

beforeAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  const paths = sourcePaths();
  for (const variant of variants) {
    mkdirSync(folder(variant), { recursive: true });
    for (const name of programs)
      writeFileSync(join(folder(variant), name), retarget(readFileSync(join(corpus, name), 'utf8'), variant));
    const compilerOptions = { noEmit: true, noUnusedLocals: false, ...(variant === 'openai-models' ? { paths } : {}) };
    writeFileSync(
      join(folder(variant), 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'tsconfig.json'), compilerOptions, include: ['*.ts'] }),
    );
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('the corpus holds at least 15 programs, each naming the real use it is modelled on', () => {
  expect(programs.length).toBeGreaterThanOrEqual(15);
  for (const name of programs) expect(readFileSync(join(corpus, name), 'utf8'), name).toMatch(/^\/\/ Source: \S/);
});

it('rewriting touches import specifiers only', () => {
  const source =
    "import OpenAI from 'openai';\nimport type { Model } from \"openai/resources/models\";\nconst m = await import('openai/error');\nconsole.log('openai');\n";
  expect(retarget(source, 'openai-models')).toBe(
    "import OpenAI from 'openai-models';\nimport type { Model } from \"openai-models/resources/models\";\nconst m = await import('openai-models/error');\nconsole.log('openai');\n",
  );
});

describe.each(variants)('type-checks against %s', (variant) => {
  it('with no error', async () => {
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    const errors = await run(tsc, ['-p', folder(variant)], { timeout: 120_000 }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(errors).toBe('');
  }, 120_000);
});

describe.runIf(inject('isMock'))('against the Prism mock', () => {
  const outputs = new Map<Variant, Record<string, { lines: string[]; threw?: string }>>();

  beforeAll(async () => {
    const env = cleanEnv({ OPENAI_API_KEY: inject('apiKey'), OPENAI_BASE_URL: inject('baseURL') });
    for (const variant of ['openai', 'openai-models'] as const) {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', join(root, 'contract-tests', 'support', 'run-snippets.ts'), folder(variant)],
        {
          env: { ...env, TSX_TSCONFIG_PATH: join(folder(variant), 'tsconfig.json') },
          timeout: 120_000,
        },
      );
      outputs.set(variant, JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
    }
  }, 240_000);

  it.each(programs)('%s prints the same lines under openai 6.x and openai-models', (name) => {
    const official = outputs.get('openai')?.[name];
    const ours = outputs.get('openai-models')?.[name];
    expect(official?.threw, 'the official SDK run threw').toBeUndefined();
    expect(official?.lines.length, 'the program printed nothing').toBeGreaterThan(0);
    const expected = { ...official, lines: [...(official?.lines ?? [])] };
    for (const { line, official: theirs, ours: mine } of intended[name] ?? []) {
      expect(expected.lines[line], 'a listed difference is gone: remove it from `intended`').toBe(theirs);
      expected.lines[line] = mine;
    }
    expect(ours).toEqual(expected);
  });
});
