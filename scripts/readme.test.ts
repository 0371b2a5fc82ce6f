/**
 * The README stays readable in five minutes: at most 220 lines and 2,200
 * words, code blocks and tables included, and no paragraph over 100 words,
 * where each list item and each table cell counts as a paragraph. Words are
 * counted as `wc -w` counts them. The rest belongs in docs/ or CONTRIBUTING.md.
 */
import { describe, expect, it } from 'vitest';
import { paragraphs, readGuide, words } from './guides.js';

const LIMITS = { lines: 220, words: 2200, paragraphWords: 100 };

describe('README.md limits', () => {
  const readme = readGuide('README.md');

  it(`has at most ${LIMITS.lines} lines and ${LIMITS.words} words, code blocks and tables included`, () => {
    expect(readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0)).toBeLessThanOrEqual(LIMITS.lines);
    expect(words(readme)).toBeLessThanOrEqual(LIMITS.words);
  });

  it(`has no paragraph, list item or table cell over ${LIMITS.paragraphWords} words`, () => {
    const long = paragraphs(readme)
      .filter((unit) => words(unit.text) > LIMITS.paragraphWords)
      .map((unit) => `line ${unit.line}: ${words(unit.text)} words`);
    expect(long).toEqual([]);
  });

  it('counts list items and table cells as paragraphs of their own', () => {
    const text = ['Intro words here.', '', '- one two', '  three', '- four', '', '| a b | c \\| d |', '|---|---|'].join(
      '\n',
    );
    expect(paragraphs(text).map((unit) => unit.text)).toEqual([
      'Intro words here.',
      '- one two three',
      '- four',
      'a b',
      'c \\| d',
    ]);
  });
});
