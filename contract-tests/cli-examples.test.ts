/**
 * The CLI examples of the guides are real: every ```console session of the
 * `openai-models` command in README.md, docs/cli.md or any other guide of
 * scripts/guides.ts is replayed (run() in-process, as in a pipe with
 * NO_COLOR, stdout and stderr interleaved as a terminal shows them) and must
 * print exactly what the guide shows. `$ echo $?` prints the previous exit
 * code. Commands are split on spaces: keep them free of quotes.
 *
 * The examples show the mock's answers. On any other server only the steps
 * that need no server are compared (usage errors, exit 2), and `list` steps
 * must succeed; steps that name the mock's models are not replayed there: a
 * retrieve need not find them, and a delete would really delete (no test
 * sends a DELETE to another server unless TEST_DELETE_MODEL_ID names it).
 */
import { describe, expect, inject, it } from 'vitest';
import { allBlocks, isCliSession } from '../scripts/guides.js';
import { run } from '../src/cli/run.js';

const blocks = allBlocks().filter(isCliSession);
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

const replayed = blocks.map(
  (block) => [`${block.file}:${block.line}`, isMock ? steps(block.code) : offMock(steps(block.code))] as const,
);

describe('CLI sessions of the guides', () => {
  it('has examples to check, in the README and in docs/cli.md', () => {
    expect(blocks.filter((block) => block.file === 'README.md').length).toBeGreaterThanOrEqual(1);
    expect(blocks.filter((block) => block.file === 'docs/cli.md').length).toBeGreaterThanOrEqual(8);
    expect(replayed.flatMap(([, list]) => list).length).toBeGreaterThanOrEqual(isMock ? 10 : 4);
  });

  it.each(replayed.filter(([, list]) => list.length > 0))('%s prints what it shows', async (_, list) => {
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
