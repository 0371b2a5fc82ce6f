import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedId } from '../../contract-tests/support/arbitraries.js';
import { OpenAIError } from '../errors.js';
import { encodePathParam, serializePath } from './call.js';

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
    ['', "Expected a non-empty value for `model` but received ''"],
    ['.', "Value '.' can't be safely passed as the `model` path parameter: the URL would name another endpoint"],
    ['..', "Value '..' can't be safely passed as the `model` path parameter: the URL would name another endpoint"],
    ['a\uD800b', 'Expected well-formed Unicode for `model` but it contains a lone surrogate'],
  ])('refuses %j, saying why', (id, message) => {
    expect(() => encodePathParam('model', id)).toThrow(OpenAIError);
    expect(() => encodePathParam('model', id)).toThrow(new OpenAIError(message));
  });

  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [42, 'number 42'],
    [false, 'boolean false'],
    [{}, 'an object'],
    [['a'], 'an array'],
  ])('refuses the non-string %j, saying what it got', (value, got) => {
    expect(() => encodePathParam('model', value)).toThrow(new OpenAIError(`Expected a string for \`model\` but received ${got}`));
  });

  it.each([
    ['/v1/models/{model}', { model: 'a/b' }, '/v1/models/a%2Fb'],
    ['/v1/models/{model}/', { model: 'x y' }, '/v1/models/x%20y/'],
    ['/{org}/models/{model}/check', { org: 'o:1', model: 'ft:m' }, '/o:1/models/ft:m/check'],
    ['{model}', { model: 'm' }, 'm'],
    ['/v1/models', { model: 'unused' }, '/v1/models'],
    ['/v1/{model}/{org', { model: 'm', org: 'o' }, '/v1/m/{org'],
    ['{', { '': 'x' }, '{'],
  ])('fills every template of %s', (path, params, filled) => {
    expect(serializePath(path, params)).toBe(filled);
  });

  it('refuses a template whose value is missing, naming it', () => {
    expect(() => serializePath('/v1/{org}/models/{model}', { model: 'm' })).toThrow(new OpenAIError('Expected a string for `org` but received undefined'));
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
