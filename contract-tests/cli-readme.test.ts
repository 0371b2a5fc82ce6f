/**
 * The README's CLI examples are real: every ```console block after the
 * `cli-examples` marker is replayed against Prism (run() in-process, as in a
 * pipe with NO_COLOR, stdout and stderr interleaved as a terminal shows
 * them) and must print exactly what the README shows. `$ echo $?` prints the
 * previous exit code. Commands are split on spaces: keep them free of quotes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../scripts/prism.js';
import { run } from '../src/cli/run.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('<!-- cli-examples'), readme.indexOf('\n## ', readme.indexOf('<!-- cli-examples')));
const blocks = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

interface Step {
  command: string;
  expected: string;
}

function steps(block: string): Step[] {
  const out: Step[] = [];
  for (const line of block.split('\n').slice(0, -1)) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), expected: '' });
    else {
      const step = out.at(-1);
      if (step) step.expected += `${line}\n`;
    }
  }
  return out;
}

describe('README: Command-line tool examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((block, i) => [i + 1, block] as const))('console block %i prints what it shows', async (_, block) => {
    // The examples show Prism's answers. Against another server
    // (TEST_API_BASE_URL) only usage errors can match; the rest must succeed.
    const isMock = inject('isMock');
    let last = 0;
    for (const { command, expected } of steps(block)) {
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
      if (isMock || last === 2 || command === 'echo $?') expect(shown, `$ ${command}`).toBe(expected);
      else expect(last, `$ ${command}`).toBe(0);
    }
  });
});
