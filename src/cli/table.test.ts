import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { date, DELETED_COLUMNS, display, MODEL_COLUMNS, table, type Column } from './table.js';

const plain = (text: string): string => text;

describe('table', () => {
  it('aligns columns to the widest cell and trims trailing blanks', async () => {
    const rows = [
      { id: 'a', created: 0, owned_by: 'system' },
      { id: 'a-much-longer-id', created: 1721172741, owned_by: 'x' },
    ];
    expect(await table(MODEL_COLUMNS, rows, plain)).toBe(
      [
        'ID                CREATED     OWNED BY',
        'a                 1970-01-01  system',
        'a-much-longer-id  2024-07-16  x',
        '',
      ].join('\n'),
    );
  });

  it('lines up ids with wide characters: a CJK character or an emoji takes two terminal columns', async () => {
    const rows = [
      { id: '模型-中文-测试', created: 1721172741, owned_by: 'system' },
      { id: 'emoji-🤖-model', created: 1727131766, owned_by: 'user-abc123' },
      { id: 'plain-model', created: 0, owned_by: 'openai' },
    ];
    const text = await table(MODEL_COLUMNS, rows, plain);
    expect(text).toBe(
      [
        'ID              CREATED     OWNED BY',
        '模型-中文-测试  2024-07-16  system',
        'emoji-🤖-model  2024-09-23  user-abc123',
        'plain-model     1970-01-01  openai',
        '',
      ].join('\n'),
    );
    // The terminal column where CREATED and each date start: the display width of what precedes them.
    const starts = text
      .trimEnd()
      .split('\n')
      .map((line) => stringWidth(line.slice(0, line.search(/(?<= {2})\S/))));
    expect(starts).toEqual([16, 16, 16, 16]);
  });

  it('shows what a compatible server leaves out as "-", keeps a row on one line and escapes control characters', async () => {
    const rows = [{ id: 'vendor/model:free' }, { id: 'evil\nid\x1b[31m\x9b', created: 'yesterday', owned_by: null }];
    expect(await table(MODEL_COLUMNS, rows, plain)).toBe(
      [
        'ID                   CREATED    OWNED BY',
        'vendor/model:free    -          -',
        'evil id^[[31m\\u009b  yesterday  -',
        '',
      ].join('\n'),
    );
  });

  it('prints only the header for an empty list', async () => {
    expect(await table(MODEL_COLUMNS, [], plain)).toBe('ID  CREATED  OWNED BY\n');
  });

  it('shows a deletion as its id and whether it was deleted', async () => {
    expect(await table(DELETED_COLUMNS, [{ id: 'ft:x', object: 'model', deleted: true }], plain)).toBe(
      'ID    DELETED\nft:x  true\n',
    );
  });

  it('formats cells', () => {
    expect(date(1721172741)).toBe('2024-07-16');
    expect(date(Number.MAX_VALUE)).toBe(String(Number.MAX_VALUE));
    expect(display(true)).toBe('true');
    expect(display({ a: 1 })).toBe('{"a":1}');
    expect(display('')).toBe('-');
  });
});

/** Cells that may be empty: a blank JSON string folds to nothing in `oneLine`. */
const COLUMNS: readonly Column[] = [
  { header: 'NAME', cell: (row) => String(row['name'] ?? '') },
  { header: 'NOTE', cell: (row) => String(row['note'] ?? '') },
];

describe('table with empty cells', () => {
  it('keeps an empty first cell as wide as its column, so the next column stays aligned', async () => {
    expect(
      await table(
        COLUMNS,
        [
          { name: '', note: 'x' },
          { name: 'abcdef', note: 'y' },
        ],
        plain,
      ),
    ).toBe(['NAME    NOTE', '        x', 'abcdef  y', ''].join('\n'));
    expect(await table(COLUMNS, [{ name: ' \n ', note: 'x' }], plain)).toBe('NAME  NOTE\n      x\n');
  });

  it('leaves no trailing blanks after an empty last cell', async () => {
    expect(
      await table(
        COLUMNS,
        [
          { name: 'abc', note: '' },
          { name: 'abcdef', note: '\t' },
        ],
        plain,
      ),
    ).toBe(['NAME    NOTE', 'abc', 'abcdef', ''].join('\n'));
  });
});
