import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYAML } from './yaml.js';

describe('toYAML', () => {
  it('writes a models list as plain, readable YAML', () => {
    const list = {
      object: 'list',
      data: [
        { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
        {
          id: 'ft:gpt-4o-mini:acemeco:suffix:abc123',
          object: 'model',
          created: 1727131766,
          owned_by: 'user-abc123',
          shutdown_date: null,
        },
      ],
    };
    expect(toYAML(list)).toBe(
      [
        'object: list',
        'data:',
        '  - id: gpt-4o-mini',
        '    object: model',
        '    created: 1721172741',
        '    owned_by: system',
        '  - id: ft:gpt-4o-mini:acemeco:suffix:abc123',
        '    object: model',
        '    created: 1727131766',
        '    owned_by: user-abc123',
        '    shutdown_date: null',
        '',
      ].join('\n'),
    );
    expect(parse(toYAML(list))).toEqual(list);
  });

  it('quotes strings that YAML 1.2 or 1.1 would read as something else', () => {
    const tricky = [
      'true',
      'No',
      'null',
      '~',
      '123',
      '1e3',
      '0x1F',
      '-1',
      '.5',
      '',
      ' padded ',
      'a: b',
      'a #b',
      '- x',
      '@x',
      '*x',
      '&x',
      '!x',
      '%x',
      '`x',
      '"x"',
      "'x'",
      '[x]',
      '{x}',
      'x:',
      'line\nbreak',
      'tab\there',
      '\u0085',
      '\u2028',
      '\ufeff',
      '2024-07-16',
      'meta-llama/Llama-3.1-8B',
      'vendor/model:free',
      'yes',
      'on',
      'OFF',
      'y',
      'n',
      '0b1',
      '1_000',
      '1:20',
      '.inf',
      '<<',
      '---',
      '? x',
    ];
    for (const text of tricky) {
      const yaml = toYAML({ id: text });
      expect(parse(yaml), `${text} → ${yaml}`).toEqual({ id: text });
      // PyYAML and Go's yaml.v2 read YAML 1.1, where `no` is false and `1_000` a number.
      expect(parse(yaml, { version: '1.1' }), `${text} → ${yaml} (YAML 1.1)`).toEqual({ id: text });
    }
    expect(toYAML({ id: 'true' })).toBe('id: "true"\n');
    expect(toYAML({ id: 'on' })).toBe('id: "on"\n');
    expect(toYAML({ id: 'meta-llama/Llama-3.1-8B' })).toBe('id: meta-llama/Llama-3.1-8B\n');
  });

  it('keeps a long string on its line, and writes one with line breaks as a JSON string', () => {
    const long = 'a model of many words '.repeat(10).trim();
    expect(toYAML({ description: long })).toBe(`description: ${long}\n`);
    expect(toYAML({ description: 'line\nbreak' })).toBe('description: "line\\nbreak"\n');
    // A line of blanks, which the library's block scalars lose.
    const blanks = { a: ' \n', b: 'x\n  \ny', c: ['\t\n'] };
    expect(parse(toYAML(blanks))).toEqual(blanks);
  });

  it('writes empty collections and nested sequences', () => {
    expect(toYAML({ object: 'list', data: [] })).toBe('object: list\ndata: []\n');
    expect(toYAML([[1, [2, {}]], { a: [] }])).toBe('- - 1\n  - - 2\n    - {}\n- a: []\n');
    expect(parse(toYAML([[1, [2, {}]], { a: [] }]))).toEqual([[1, [2, {}]], { a: [] }]);
  });

  it('writes control and invisible characters as \\u escapes in a JSON string, in values and keys', () => {
    const value = { 'key\x9b': 'evil\x1b]0;pwned\x07\x1b[2J\x9b31m\x00\r\x7f\x85\u2028\u2029\ufeff\ufffe\uffff' };
    expect(toYAML(value)).toBe(
      '"key\\u009b": "evil\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u0000\\r\\u007f\\u0085\\u2028\\u2029\\ufeff\\ufffe\\uffff"\n',
    );
    expect(parse(toYAML(value))).toEqual(value);
    // Bidi controls are printable for YAML and JSON alike: they pass, as in --format json.
    expect(toYAML({ id: 'ft:x\u202etxt' })).toBe('id: ft:x\u202etxt\n');
  });

  it('leaves no such character raw, and reads back the same, whatever the string', () => {
    const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
    const char = fc.oneof(
      fc.constantFrom(
        '\x00',
        '\x1b',
        '\x7f',
        '\x85',
        '\x9b',
        '\u2028',
        '\ufeff',
        '\uffff',
        '\t',
        '\n',
        '\r',
        ' ',
        ':',
        '#',
        '-',
        '"',
        "'",
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: char }), fc.string({ unit: char }), (key, text) => {
        const yaml = toYAML({ [key]: text, list: [text] });
        expect(yaml).not.toMatch(UNSAFE);
        expect(parse(yaml)).toEqual({ [key]: text, list: [text] });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any JSON value through the yaml parser', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json: unknown = JSON.parse(JSON.stringify(value));
        expect(parse(toYAML(json))).toEqual(json);
      }),
      { numRuns: 500 },
    );
  });
});
