import { describe, expect, it } from 'vitest';
import { countLines, libraryFiles, lineGuards } from './count-lines.js';

describe('npm run lines', () => {
  it('counts code and comment lines, JSDoc as comment, blank lines as neither', () => {
    const text = [
      '/**',
      ' * Why.',
      ' */',
      'export const a = 1; // trailing: a code line',
      '',
      '  // indented',
      '/* block */',
      'const s = `',
      '  * inside a template: counted as comment, by the rule',
      '`;',
    ].join('\n');
    expect(countLines(text)).toEqual({ code: 3, comments: 6 });
  });

  it('counts the library only: no CLI, no tests', () => {
    const files = libraryFiles();
    expect(files).toContain('src/internal/transport.ts');
    expect(
      files.filter((f) => f.startsWith('src/cli/') || f.includes('__tests__') || /\.test(-d)?\.ts$/.test(f)),
    ).toEqual([]);
  });

  it('meets a guard at its limit and misses one past it', () => {
    expect(lineGuards({ code: 830, comments: 207 }).map((g) => g.met)).toEqual([true, true]);
    expect(lineGuards({ code: 831, comments: 200 }).map((g) => g.met)).toEqual([false, true]);
    expect(lineGuards({ code: 800, comments: 201 }).map((g) => g.met)).toEqual([true, false]);
  });
});
