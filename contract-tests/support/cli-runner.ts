/**
 * For a contract-test file that runs the CLI: the published `bin.js` of
 * this run's build (support/dist.ts), run as a child process with only the
 * given OPENAI_* variables, plus the tests' failing local server, started
 * before the file's tests and stopped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startFailingServer, type FailingServer } from '../../src/cli/__tests__/failing-server.js';
import { cleanEnv, spawnProcess, type Ran } from './cli.js';
import { builtDist, cliBin } from './dist.js';

export interface CLIRunner {
  /** Runs `openai-models argv` with `env` over the defaults. */
  run(argv: string[], env?: Record<string, string>): Promise<Ran>;
  /** The failing server's URL (its path picks a scenario); valid inside tests. */
  failingURL(): string;
}

export function cliRunner(defaults: Record<string, string>): CLIRunner {
  let failing: FailingServer | undefined;
  beforeAll(async () => {
    [failing] = await Promise.all([startFailingServer(), builtDist()]);
  }, 240_000);
  afterAll(() => failing?.stop());
  return {
    run: (argv, env = {}) => spawnProcess(process.execPath, [cliBin, ...argv], { env: cleanEnv({ ...defaults, ...env }) }),
    failingURL() {
      if (failing === undefined) throw new Error('the failing server is not running');
      return failing.url;
    },
  };
}
