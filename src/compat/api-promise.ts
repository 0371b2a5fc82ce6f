/** `openai-models/api-promise` (and `/core/api-promise`), the counterpart of `openai/api-promise`. */
export { APIPromise } from '../index.js';
