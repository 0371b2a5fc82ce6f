/**
 * The README's CLI examples are real: every ```console block after the
 * `cli-examples` marker is replayed (run() in-process, as in a pipe with
 * NO_COLOR, stdout and stderr interleaved as a terminal shows them) and must
 * print exactly what the README shows. `$ echo $?` prints the previous exit
 * code. Commands are split on spaces: keep them free of quotes.
 *
 * The examples show the mock's answers. On any other server only the steps
 * that need no server are compared (usage errors, exit 2), and `list` steps
 * must succeed; steps that name the mock's models are not replayed there: a
 * retrieve need not find them, and a delete would really delete (no test
 * sends a DELETE to another server unless TEST_DELETE_MODEL_ID names it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../scripts/prism.js';
import { run } from '../src/cli/run.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('<!-- cli-examples'),
  readme.indexOf('\n## ', readme.indexOf('<!-- cli-examples')),
);
const blocks = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const isMock = inject('isMock');

interface Step {
  command: string;
  expected: string;
  /** Compare the output exactly; otherwise the command must only succeed. */
  exact: boolean;
}

function steps(block: string): Step[] {
  const out: Step[] = [];
  for (const line of block.split('\n').slice(0, -1)) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), expected: '', exact: true });
    else {
      const step = out.at(-1);
      if (step) step.expected += `${line}\n`;
    }
  }
  return out;
}

/** Off the mock: usage errors (followed by `echo $?` showing 2) exactly, with their `echo $?`; `list` must succeed. */
function offMock(all: Step[]): Step[] {
  const usageError = (i: number): boolean => all[i + 1]?.command === 'echo $?' && all[i + 1]?.expected === '2\n';
  return all.flatMap((step, i) => {
    if (step.command === 'echo $?' ? i > 0 && usageError(i - 1) : usageError(i)) return [step];
    return /^openai-models models list( |$)/.test(step.command) ? [{ ...step, exact: false }] : [];
  });
}

const replayed = blocks.map((block, i) => [i + 1, isMock ? steps(block) : offMock(steps(block))] as const);

describe('README: Command-line tool examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(replayed.flatMap(([, list]) => list).length).toBeGreaterThanOrEqual(isMock ? 10 : 4);
  });

  it.each(replayed.filter(([, list]) => list.length > 0))('console block %i prints what it shows', async (_, list) => {
    let last = 0;
    for (const { command, expected, exact } of list) {
      let shown = '';
      if (command === 'echo $?') {
        shown = `${last}\n`;
      } else {
        const [program, ...argv] = command.split(' ');
        expect(program, command).toBe('openai-models');
        const terminal = { isTTY: false, write: (text: string) => void (shown += text) };
        last = await run(argv, {
          stdout: terminal,
          stderr: terminal,
          env: { OPENAI_BASE_URL: inject('baseURL'), OPENAI_API_KEY: inject('apiKey'), NO_COLOR: '1' },
        });
      }
      if (exact) expect(shown, `$ ${command}`).toBe(expected);
      else expect(last, `$ ${command}`).toBe(0);
    }
  });
});
