/** `openai-models/error` (and `/core/error`), as `openai/error`. */
export * from '../errors.js';
