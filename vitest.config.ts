import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { mockOnly, serverDependent } from './contract-tests/modes.js';

// In CI (.ci/run sets CI=true) every vitest run also writes a JSON report,
// .reports/<Node version>/<npm script>.json, so .ci/run can print one line
// per Node version (the one that really ran) and one plain
// "N passed, N failed" line for everything.
const script = process.env['CI'] === 'true' ? process.env['npm_lifecycle_event'] : undefined;

/**
 * The unit suite: the tests of src/ (the library and the CLI), each beside
 * the module it tests. Also what Stryker runs (vitest.mutation.config.ts).
 */
export const unit = {
  name: 'unit',
  include: ['src/**/*.test.ts'],
  // Browser tests run in the docs project (below), never here: Stryker runs this project.
  exclude: [...configDefaults.exclude, '**/*.browser.test.ts'],
  environment: 'node',
  testTimeout: 60_000,
} satisfies TestProjectInlineConfiguration['test'];

/**
 * The checks of the tools and the build, in scripts/: workflow lint,
 * generated drift, bundle size, import cost, API reports, the guides'
 * snippets and the README's limits, docs/cli.md against `--help`, the
 * reference's code samples (curl against Prism), browser portability,
 * `npm run mock`, spec:diff, the bench's parsing.
 */
const tools = {
  name: 'tools',
  include: ['scripts/**/*.test.ts'],
  exclude: [...configDefaults.exclude, '**/*.browser.test.ts'],
  environment: 'node',
  testTimeout: 60_000,
} satisfies TestProjectInlineConfiguration['test'];

export default defineConfig({
  test: {
    // Most test files wait on child processes and servers (Prism, the CLI,
    // npm, Chromium), not on the CPU: vitest's default of one worker per
    // core less one (1 on a 2-core machine) would run them one by one.
    // Timeouts below guard against hangs, not speed: on a machine shared with
    // other jobs, files running side by side each take several times longer.
    maxWorkers: Math.max(3, availableParallelism()),
    reporters: script ? ['default', 'json'] : ['default'],
    ...(script ? { outputFile: { json: `.reports/${process.version}/${script.replace(/[^\w-]/g, '_')}.json` } } : {}),
    projects: [
      { test: unit },
      { test: tools },
      {
        test: {
          // Against Prism, or TEST_API_BASE_URL (contract-tests/global-setup.ts).
          name: 'contract',
          include: ['contract-tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(process.env['TEST_API_BASE_URL'] ? mockOnly : [])],
          globalSetup: ['contract-tests/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The same checks against the tests' own OpenAI-like server (contract-tests/modes.ts).
          name: 'contract:openai-like',
          include: serverDependent,
          globalSetup: ['contract-tests/global-setup.ts'],
          setupFiles: ['contract-tests/support/no-stray-deletes.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // docs/index.html in Debian's Chromium; the test builds it first (`npm run docs`).
          name: 'docs',
          include: ['scripts/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['src/**/*.test-d.ts', 'contract-tests/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
            // TypeScript 7's native compiler, as for `npm run typecheck`: same errors as tsc 5.9, a quarter of the CPU.
            checker: 'tsgo',
          },
        },
      },
    ],
  },
});
