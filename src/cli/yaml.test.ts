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
        { id: 'ft:gpt-4o-mini:acemeco:suffix:abc123', object: 'model', created: 1727131766, owned_by: 'user-abc123', shutdown_date: null },
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

  it('quotes strings that YAML would read as something else', () => {
    const tricky = ['true', 'No', 'null', '~', '123', '1e3', '0x1F', '-1', '.5', '', ' padded ', 'a: b', 'a #b', '- x', '@x', '*x', '&x', '!x', '%x', '`x', '"x"', "'x'", '[x]', '{x}', 'x:', 'line\nbreak', 'tab\there', '\u0085', '\u2028', '\ufeff', '2024-07-16', 'meta-llama/Llama-3.1-8B', 'vendor/model:free'];
    for (const text of tricky) {
      const yaml = toYAML({ id: text });
      expect(parse(yaml), `${text} → ${yaml}`).toEqual({ id: text });
    }
    expect(toYAML({ id: 'true' })).toBe('id: "true"\n');
    expect(toYAML({ id: 'meta-llama/Llama-3.1-8B' })).toBe('id: meta-llama/Llama-3.1-8B\n');
  });

  it('writes empty collections and nested sequences', () => {
    expect(toYAML({ object: 'list', data: [] })).toBe('object: list\ndata: []\n');
    expect(toYAML([[1, [2, {}]], { a: [] }])).toBe('- - 1\n  - - 2\n    - {}\n- a: []\n');
    expect(parse(toYAML([[1, [2, {}]], { a: [] }]))).toEqual([[1, [2, {}]], { a: [] }]);
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
