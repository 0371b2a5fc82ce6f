/**
 * `openai-models/strict`: the spec's schemas at run time, as standalone validators generated from
 * spec/openapi.yaml. An entry of its own, so that a program that never turns strict mode on bundles none.
 *
 * ```ts
 * import { strictResponseValidation } from 'openai-models/strict';
 * const client = new OpenAI({ strictResponseValidation });
 * ```
 */
import { validators } from '../generated/validators.js';
import type { StrictValidation } from './internal/validate.js';

/** Pass it as `strictResponseValidation`, to the client or to one call. */
export const strictResponseValidation: StrictValidation = validators;
export type { StrictValidation, SchemaViolation } from './internal/validate.js';
