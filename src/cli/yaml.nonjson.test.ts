import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYAML } from './yaml.js';

describe('toYAML of what JSON writes as null', () => {
  it('writes undefined, NaN and the infinities in a sequence as null, as JSON.stringify does', () => {
    const value = [undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5];
    expect(toYAML(value)).toBe('- null\n- null\n- null\n- null\n- 1.5\n');
    expect(parse(toYAML(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('writes a non-finite number in a mapping as null', () => {
    expect(toYAML({ created: Number.NaN })).toBe('created: null\n');
  });
});
