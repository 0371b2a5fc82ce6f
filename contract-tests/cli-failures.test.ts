/**
 * End to end, the failures: the compiled `bin.js` (see support/cli.ts) run
 * as a child process against the tests' failing local server. Exit 1, one
 * line on stderr, nothing on stdout. Needs no server under test, so it runs
 * in one contract mode only (contract-tests/modes.ts).
 */
import { describe, expect, it } from 'vitest';
import { cliRunner } from './support/cli-runner.js';

const { run: openai, failingURL } = cliRunner({ OPENAI_API_KEY: 'sk-e2e-dummy-key-000' });

describe('openai-models against a failing server: exit 1, one line on stderr, nothing on stdout', () => {
  it.each([
    [
      '404',
      ['models', 'retrieve', 'nope'],
      'error: 404 The model `nope` does not exist or you do not have access to it. (request ID req_404_test)\n',
    ],
    ['401', ['models', 'list'], 'error: 401 Incorrect API key provided: sk-abc***xyz. (request ID req_401_test)\n'],
    [
      '500-empty',
      ['models', 'list', '--max-retries', '0'],
      'error: 500 status code (no body) (request ID req_500_empty)\n',
    ],
    [
      'stall',
      ['models', 'list', '--timeout', '300ms', '--max-retries', '0'],
      'error: Request timed out. Try a larger --timeout.\n',
    ],
  ])('%s', async (scenario, argv, line) => {
    expect(await openai(argv, { OPENAI_BASE_URL: `${failingURL()}/${scenario}` })).toEqual({
      code: 1,
      stdout: '',
      stderr: line,
    });
  });

  it('a connection reset', async () => {
    const ran = await openai(['models', 'list', '--max-retries', '0'], { OPENAI_BASE_URL: `${failingURL()}/reset` });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(/^error: Connection error: [^\n]+\n$/);
  });

  it('429 then 200 is retried and succeeds', async () => {
    const ran = await openai(['models', 'list', '--field', 'id'], {
      OPENAI_BASE_URL: `${failingURL()}/429-then-200/t-e2e`,
    });
    expect(ran).toEqual({ code: 0, stdout: 'gpt-4o-mini\nft:gpt-4o-mini:acemeco:suffix:abc123\n', stderr: '' });
  });
});
