/** `openai-models/pagination` (and `/core/pagination`), the counterpart of `openai/pagination`. */
export { Page, PagePromise, type PageResponse } from '../index.js';
