import { describe, expect, it } from 'vitest';
import { table, type Column } from './table.js';

const plain = (text: string): string => text;

/** Cells that may be empty: a blank JSON string folds to nothing in `oneLine`. */
const COLUMNS: readonly Column[] = [
  { header: 'NAME', cell: (row) => String(row['name'] ?? '') },
  { header: 'NOTE', cell: (row) => String(row['note'] ?? '') },
];

describe('table with empty cells', () => {
  it('keeps an empty first cell as wide as its column, so the next column stays aligned', () => {
    expect(table(COLUMNS, [{ name: '', note: 'x' }, { name: 'abcdef', note: 'y' }], plain)).toBe(
      ['NAME    NOTE', '        x', 'abcdef  y', ''].join('\n'),
    );
    expect(table(COLUMNS, [{ name: ' \n ', note: 'x' }], plain)).toBe('NAME  NOTE\n      x\n');
  });

  it('leaves no trailing blanks after an empty last cell', () => {
    expect(table(COLUMNS, [{ name: 'abc', note: '' }, { name: 'abcdef', note: '\t' }], plain)).toBe(
      ['NAME    NOTE', 'abc', 'abcdef', ''].join('\n'),
    );
  });
});
