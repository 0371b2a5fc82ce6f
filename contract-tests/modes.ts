/**
 * Which contract-test files run against which server (vitest.config.ts
 * builds one project per mode from these lists; no test skips itself).
 *
 * - `contract`: every file, against Prism; or, with TEST_API_BASE_URL set,
 *   against that server, without the mock-only files.
 * - `contract:openai-like`: the files whose checks depend on the server
 *   under test, against the tests' own OpenAI-like server (proof that the
 *   suite holds against a server that is not the mock). Files that need no
 *   server under test (paths, CLI failures) would only repeat themselves;
 *   the packaging test's one server call is the `models list` that cli.test.ts
 *   already makes, at the cost of a second pack and three installs.
 */
export const mockOnly = [
  // Prism's `Prefer: code=N` picks each declared error; no real server can be asked for a 500.
  'contract-tests/errors.test.ts',
];

export const serverDependent = [
  'contract-tests/models.test.ts',
  'contract-tests/cli.test.ts',
  'contract-tests/cli-examples.test.ts',
];
