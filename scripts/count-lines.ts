/**
 * `npm run lines`: the library's code lines, counted after formatting, so
 * the figure does not depend on how long the lines happen to be. Files:
 * every .ts file under src/ but the CLI (src/cli/) and tests (*.test.ts,
 * *.test-d.ts, __tests__/). Each is formatted in memory with Prettier (the
 * repo's config, else printWidth 120 and single quotes), then each line is
 * blank, comment (it starts with //, /* or *, so JSDoc is comment) or code.
 * Prints each file, the totals and the guards; exits 1 when a guard is missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig, type Options } from 'prettier';

export const ROOT = resolve(import.meta.dirname, '..');

/** The guards: at most this many code lines, and this many comment lines per code line. */
export const MAX_CODE_LINES = 830;
export const MAX_COMMENT_RATIO = 0.25;

/** Used when the repo has no Prettier config of its own. */
const FALLBACK: Options = { printWidth: 120, singleQuote: true };

export interface Count {
  code: number;
  comments: number;
}

export function countLines(text: string): Count {
  const count: Count = { code: 0, comments: 0 };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('//') || line.startsWith('/*') || line.startsWith('*')) count.comments++;
    else count.code++;
  }
  return count;
}

/** The library's files, relative to the repo, sorted. */
export function libraryFiles(root = ROOT): string[] {
  const src = join(root, 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .map((file) => `src/${file.split('\\').join('/')}`)
    .filter((file) => file.endsWith('.ts') && !file.startsWith('src/cli/'))
    .filter((file) => !/\.test(-d)?\.ts$/.test(file) && !file.includes('/__tests__/'))
    .sort();
}

export async function countLibrary(root = ROOT): Promise<{ files: [string, Count][]; total: Count }> {
  const files: [string, Count][] = [];
  const total: Count = { code: 0, comments: 0 };
  for (const file of libraryFiles(root)) {
    const path = join(root, file);
    const options = (await resolveConfig(path)) ?? FALLBACK;
    const count = countLines(await format(readFileSync(path, 'utf8'), { ...options, filepath: path }));
    files.push([file, count]);
    total.code += count.code;
    total.comments += count.comments;
  }
  return { files, total };
}

export interface LineGuard {
  target: string;
  met: boolean;
  measured: string;
}

export function lineGuards({ code, comments }: Count): LineGuard[] {
  const ratio = comments / code;
  return [
    { target: `code lines ≤ ${MAX_CODE_LINES}`, met: code <= MAX_CODE_LINES, measured: code.toLocaleString('en-US') },
    {
      target: `comment lines ≤ ${MAX_COMMENT_RATIO} per code line`,
      met: ratio <= MAX_COMMENT_RATIO,
      measured: `${ratio.toFixed(2)} (${comments.toLocaleString('en-US')} comment lines)`,
    },
  ];
}

/** One line per file, then the total. */
export function fileList(files: [string, Count][], total: Count): string {
  const width = Math.max(...files.map(([file]) => file.length));
  const line = (name: string, { code, comments }: Count): string =>
    `${name.padEnd(width)}  ${String(code).padStart(5)} code  ${String(comments).padStart(4)} comment`;
  return [...files.map(([file, count]) => line(file, count)), line('total', total)].join('\n');
}

async function main(): Promise<void> {
  const { files, total } = await countLibrary();
  const config = (await resolveConfig(join(ROOT, 'src/index.ts')))
    ? "the repo's Prettier config"
    : 'Prettier, printWidth 120, single quotes';
  const guards = lineGuards(total);
  process.stdout.write(
    `${fileList(files, total)}\n${files.length} files of src/ (no CLI, no tests), formatted with ${config}\n`,
  );
  for (const g of guards) process.stdout.write(`- ${g.met ? 'MET' : 'MISSED'}: ${g.target}: ${g.measured}\n`);
  if (guards.some((g) => !g.met)) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
