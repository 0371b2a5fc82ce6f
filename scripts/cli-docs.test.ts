/**
 * docs/cli.md and the command's own `--help` name the same commands,
 * options, formats and exit codes, checked both ways, so neither can drift:
 * a new option fails here until it is documented, and a documented option
 * the command lost fails too. Also each default the help states appears in
 * the option's row.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { readGuide } from './guides.js';

/** What `openai-models <argv>` prints on stdout. */
async function output(argv: string[]): Promise<string> {
  let text = '';
  const stream = { isTTY: false, write: (chunk: string) => void (text += chunk) };
  expect(await run(argv, { stdout: stream, stderr: stream, env: {} })).toBe(0);
  return text;
}

const levels = [[], ['models'], ['models', 'list'], ['models', 'retrieve'], ['models', 'delete'], ['conformance']];
const helps = await Promise.all(levels.map((level) => output([...level, '--help'])));
const help = helps.join('\n');
const doc = readGuide('docs/cli.md');

/** The Markdown table that follows `## <heading>` in docs/cli.md, as rows of cells (header and rule dropped). */
function table(heading: string): string[][] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(start).split('\n');
  const rows = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  const end = rows.findIndex((line) => !line.startsWith('|'));
  return rows.slice(2, end).map((row) =>
    row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

const sorted = (items: Iterable<string>): string[] => [...new Set(items)].sort();

describe('docs/cli.md against --help', () => {
  it('names the same commands', () => {
    // Each screen's commands, named from where that screen is: `conformance` at the top, `models list` under models.
    const inHelp = helps.flatMap((screen, i) =>
      [...screen.matchAll(/^Commands:\n((?: {2}\S.*\n)+)/gm)].flatMap((match) =>
        [...(match[1] ?? '').matchAll(/^ {2}(\w+) /gm)].map((command) => [...levels[i]!, command[1]].join(' ')),
      ),
    );
    const inDoc = table('Commands').map((row) => /^`openai-models (.+)`$/.exec(row[0] ?? '')?.[1] ?? `? ${row[0]}`);
    expect(inHelp.length).toBeGreaterThan(0);
    expect(sorted(inDoc)).toEqual(sorted(inHelp));
    // Each command's usage names the API call the table gives it.
    for (const [command, call] of table('Commands').map((row) => [row[0], row[1]?.replaceAll('`', '')])) {
      const screen = helps.find((text) => text.startsWith(`Usage: ${command?.replaceAll('`', '')} `));
      expect(screen, command).toContain(call);
    }
  });

  it('names the same options, each with the defaults the help states', () => {
    const inHelp = [...help.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)].flatMap((match) =>
      [match[1], match[2]].filter((name): name is string => name !== undefined),
    );
    const rows = table('Options');
    const inDoc = rows.flatMap((row) => [...(row[0] ?? '').matchAll(/`(--?[\w-]+)/g)].map((match) => match[1] ?? ''));
    expect(inHelp).toContain('--model');
    expect(sorted(inDoc)).toEqual(sorted(inHelp));
    let checked = 0;
    for (const match of help.matchAll(/^ {2}(--[\w-]+)[^\n]*(?:\n {20,}[^\n]*)?\(default: ([^)]*)\)/gm)) {
      const row = rows.find((cells) => cells[0]?.startsWith(`\`${match[1]}`));
      // The values of a default (`$OPENAI_API_KEY`, `10m`, a URL), not its wording.
      for (const value of (match[2] ?? '').match(/\$\w+|https?:\/\/\S+|\b\d+\w*\b|\b(table|json)\b/g) ?? []) {
        expect(row?.[1], `${match[1]} default ${value}`).toContain(value);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('names the same formats', () => {
    const line = /--format <format>\s+(.*)/.exec(help)?.[1] ?? '';
    const inHelp = /^([\w, ]+?) or (\w+) \(/.exec(line);
    const formats = [...(inHelp?.[1]?.split(', ') ?? []), inHelp?.[2] ?? ''];
    const inDoc = table('Formats').map((row) => row[0]?.replaceAll('`', '') ?? '');
    expect(formats.length).toBe(4);
    expect(sorted(inDoc)).toEqual(sorted(formats));
  });

  it('names the same exit codes, with the same meaning', () => {
    const line = /^Exit codes: (.*)\.$/m.exec(help)?.[1] ?? '';
    const inHelp = Object.fromEntries(line.split(', ').map((entry) => [entry.slice(0, 1), entry.slice(2)]));
    const inDoc = Object.fromEntries(table('Exit codes and errors').map((row) => [row[0], row[1]]));
    expect(sorted(Object.keys(inDoc))).toEqual(sorted(Object.keys(inHelp)));
    expect(inDoc['0']).toBe(inHelp['0']);
    // The doc says more; the help's words for each failure must be in it.
    expect(inDoc['1']).toMatch(/API .*network/);
    expect(inDoc['2']).toContain(inHelp['2']);
  });
});
