import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// In CI (.ci/run sets CI=true) every vitest run also writes a JSON report
// named after the npm script that started it, so .ci/run can print one
// plain "N passed, N failed" line for the whole of `npm test`.
const report = process.env['CI'] === 'true' ? process.env['npm_lifecycle_event'] : undefined;

/** The unit suite: also what Stryker runs (vitest.mutation.config.ts). */
export const unit = {
  name: 'unit',
  include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  // The browser test has its own project (below) and needs the built docs.
  exclude: [...configDefaults.exclude, 'scripts/**/*.browser.test.ts'],
  environment: 'node',
  testTimeout: 20_000,
} satisfies TestProjectInlineConfiguration['test'];

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: `.reports/${report.replace(/[^\w-]/g, '_')}.json` } } : {}),
    projects: [
      { test: unit },
      {
        test: {
          name: 'contract',
          include: ['contract-tests/**/*.test.ts'],
          globalSetup: ['contract-tests/global-setup.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // docs/index.html in Debian's Chromium; `npm run test:docs` builds it first.
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
          },
        },
      },
    ],
  },
});
