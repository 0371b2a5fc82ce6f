/**
 * The Markdown guides and their fenced blocks, read the same way by every
 * test that replays them (TypeScript type-checked, CLI sessions replayed,
 * curl run against Prism, the spec walk-through) and by the reference build,
 * which copies the blocks marked as samples into x-codeSamples.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './prism.js';

/** Every guide whose blocks are tested, relative to the repository root. */
export const guides = ['README.md', 'docs/cli.md', 'docs/safety.md', 'docs/migrating.md', 'CONTRIBUTING.md'] as const;

export interface Block {
  /** The guide it is in, e.g. `docs/cli.md`. */
  file: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  /** The fence's info string: `ts`, `console`, `sh`... */
  lang: string;
  code: string;
  /** The operationId of `<!-- sample: listModels -->` on the line just before the fence. */
  sample?: string;
  /** The text of an HTML comment on the line just before the fence, if any. */
  marker?: string;
}

const FENCE = /^```(\w*)\n([\s\S]*?)^```$/gm;

/** The fenced blocks of a Markdown text (nested fences are not used in the guides). */
export function blocksOf(text: string, file = '(text)'): Block[] {
  return [...text.matchAll(FENCE)].map((match) => {
    const before = text.slice(0, match.index).split('\n');
    const previous = before.at(-2)?.trim() ?? '';
    const marker = /^<!--\s*(.*?)\s*-->$/.exec(previous)?.[1];
    const sample = marker && /^sample: (\w+)$/.exec(marker)?.[1];
    return {
      file,
      line: before.length,
      lang: match[1] ?? '',
      code: match[2] ?? '',
      ...(marker ? { marker } : {}),
      ...(sample ? { sample } : {}),
    };
  });
}

export const readGuide = (file: string): string => readFileSync(join(root, file), 'utf8');

/** Every fenced block of every guide, in order. */
export const allBlocks = (): Block[] => guides.flatMap((file) => blocksOf(readGuide(file), file));

/** A console session of the `openai-models` command: every `$ ` line runs it, or `echo $?`. */
export const isCliSession = (block: Block): boolean =>
  block.lang === 'console' && block.code.startsWith('$ openai-models ');

/** A curl call of the API, as the reference shows it: one ```sh block starting with `curl `. */
export const isCurl = (block: Block): boolean => block.lang === 'sh' && block.code.startsWith('curl ');

/** Marks the diff of CONTRIBUTING.md's spec walk-through; the next console block is its session. */
export const WALKTHROUGH_MARKER = 'spec-walkthrough: run by scripts/spec-diff/walkthrough.test.ts';

/** Words as `wc -w` counts them. */
export const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * The prose units of a Markdown text, each with its first line: paragraphs,
 * headings, list items (with their continuation lines) and table cells.
 * Fenced code is left out: it counts toward the totals, not as prose.
 */
export function paragraphs(markdown: string): { line: number; text: string }[] {
  const units: { line: number; text: string }[] = [];
  let fenced = false;
  let current: { line: number; text: string } | undefined;
  const close = (): void => {
    if (current) units.push(current);
    current = undefined;
  };
  markdown.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.startsWith('```')) {
      close();
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    if (line.trim() === '' || /^#{1,6} /.test(line)) {
      close();
      if (line.trim() !== '') units.push({ line: i + 1, text: line });
      return;
    }
    if (line.startsWith('|')) {
      close();
      // Cells split on pipes that are not escaped (`\|` inside a cell stays in it).
      for (const cell of line.slice(1).split(/(?<!\\)\|/)) {
        if (cell.trim() !== '' && !/^[\s:-]+$/.test(cell)) units.push({ line: i + 1, text: cell.trim() });
      }
      return;
    }
    if (/^\s*([-*+]|\d+\.) /.test(line)) close();
    if (current) current.text += ` ${line.trim()}`;
    else current = { line: i + 1, text: line.trim() };
  });
  close();
  return units;
}
