/**
 * `openai-models/strict`: the spec's schemas at run time, as validators generated from spec/openapi.yaml.
 * An entry of its own, so that a program that never turns strict mode on bundles none.
 */
import { validators, type Validator } from '../generated/validators.js';
import { jsonText } from './internal/json.js';
import type { StrictValidation } from './internal/validate.js';

/** Pass it as `strictResponseValidation`, to the client (`new OpenAI({ strictResponseValidation })`) or to one call. */
export const strictResponseValidation: StrictValidation = {
  problem(operation, response, body, scrub) {
    const id = `request id ${response.headers.get('x-request-id') ?? 'none'}`;
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type))
      return `content-type is ${JSON.stringify(type)}, not JSON; ${id}`;
    const check = (validators[operation] as Record<number, Validator | undefined>)[response.status];
    if (check === undefined) return `status is not one the spec declares; ${id}`;
    const [violation] = check(body) ?? [];
    if (violation === undefined) return undefined;
    // Scrubbed before it is cut: a key cut in two would no longer be found.
    const value = scrub(jsonText(violation.value) ?? '');
    const got = value === '' ? '' : `, got ${value.length > 80 ? `${value.slice(0, 80)}…` : value}`;
    return `${violation.message} (${violation.keyword})${got}; ${id}`;
  },
};

export type { StrictValidation } from './internal/validate.js';
