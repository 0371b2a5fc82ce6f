import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedId } from '../../contract-tests/support/arbitraries.js';
import { OpenAIError } from '../errors.js';
import { encodePathParam, serializePath } from './path.js';

describe('encodePathParam', () => {
  it.each([
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['ft:gpt-4o-mini:acemeco:suffix:abc123', 'ft:gpt-4o-mini:acemeco:suffix:abc123'],
    ['ft:gpt-4o-mini:org:x:ckpt-step-100', 'ft:gpt-4o-mini:org:x:ckpt-step-100'],
    ['meta-llama/Llama-3.1-8B', 'meta-llama%2FLlama-3.1-8B'],
    ['a@b', 'a@b'],
    ['a b', 'a%20b'],
    ['a?b#c%d', 'a%3Fb%23c%25d'],
    ['ünï', '%C3%BCn%C3%AF'],
    ['...', '...'],
  ])('%s → %s', (id, encoded) => {
    expect(encodePathParam('model', id)).toBe(encoded);
  });

  it.each([
    ['', /non-empty value for `model` but received ''/],
    ['.', /'\.' can't be safely passed/],
    ['..', /'\.\.' can't be safely passed/],
    ['\uD800', /lone surrogate/],
  ])('refuses %j', (id, message) => {
    expect(() => encodePathParam('model', id)).toThrow(OpenAIError);
    expect(() => encodePathParam('model', id)).toThrow(message);
  });

  it.each([undefined, null, 42, {}, ['a']])('refuses the non-string %j', (value) => {
    expect(() => encodePathParam('model', value)).toThrow(/Expected a string for `model`/);
  });

  it('fills every template of a path', () => {
    expect(serializePath('/v1/models/{model}', { model: 'a/b' })).toBe('/v1/models/a%2Fb');
  });
});



describe('encodePathParam properties', () => {
  it('any accepted id becomes exactly one URL path segment that decodes back to itself', () => {
    fc.assert(
      fc.property(acceptedId, (id) => {
        const encoded = encodePathParam('model', id);
        expect(encoded).not.toMatch(/[/?#\s]/);
        expect(encoded).not.toBe('.');
        expect(encoded).not.toBe('..');
        const url = new URL(`https://api.example/v1/models/${encoded}`);
        expect(url.pathname.split('/').slice(3)).toEqual([encoded]);
        expect(decodeURIComponent(url.pathname.split('/')[3] ?? '')).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });
});
