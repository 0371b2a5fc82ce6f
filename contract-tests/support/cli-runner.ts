/**
 * For a contract-test file that runs the CLI: the published `bin.js` of
 * this run's build (support/dist.ts), run as a child process with only the
 * given OPENAI_* variables, plus the tests' failing local server, started
 * before the file's tests and stopped after them.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { root } from '../../scripts/prism.js';
import { startFailingServer, type FailingServer } from '../../src/cli/__tests__/failing-server.js';
import { cleanEnv, spawnProcess, type Ran } from './cli.js';
import { builtDist } from './dist.js';

export interface CLIRunner {
  /** Runs `openai-models argv` with `env` over the defaults. */
  run(argv: string[], env?: Record<string, string>): Promise<Ran>;
  /** The failing server's URL (its path picks a scenario); valid inside tests. */
  failingURL(): string;
}

export function cliRunner(defaults: Record<string, string>): CLIRunner {
  let failing: FailingServer | undefined;
  let copy = '';
  beforeAll(async () => {
    [failing] = await Promise.all([startFailingServer(), builtDist()]);
    // A copy of this run's dist/ for this file alone, inside the repository
    // (so bin.js finds node_modules and its own package.json): a CLI test
    // must not depend on dist/ staying put while other files run npm.
    await mkdir(join(root, '.tmp'), { recursive: true });
    copy = await mkdtemp(join(root, '.tmp', 'cli-dist-'));
    await cp(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await failing?.stop();
    if (copy) await rm(copy, { recursive: true, force: true });
  });
  return {
    run: (argv, env = {}) =>
      spawnProcess(process.execPath, [join(copy, 'dist', 'src', 'cli', 'bin.js'), ...argv], {
        env: cleanEnv({ ...defaults, ...env }),
      }),
    failingURL() {
      if (failing === undefined) throw new Error('the failing server is not running');
      return failing.url;
    },
  };
}
