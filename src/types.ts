/**
 * The public data types, taken from the generated `paths` (never written by
 * hand), so they change when the spec does.
 *
 * Against api.openai.com they are exact. OpenAI-compatible servers sometimes
 * leave out `created` or `owned_by`; the client passes such models through
 * untouched instead of failing (it insists only on a string `id`), so code
 * that talks to such servers should not rely on those two fields. Properties
 * a server adds are kept at run time but not typed.
 */
import type { paths } from '../generated/openapi.js';

type JSONOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

// Interfaces rather than aliases, so that editors show a result as `Model`
// instead of spelling out its properties (issue 14).

/** A model, as `GET /models/{model}` returns it. */
export interface Model extends JSONOf<paths['/models/{model}']['get']['responses'][200]> {}

/** What `DELETE /models/{model}` returns. */
export interface ModelDeleted extends JSONOf<paths['/models/{model}']['delete']['responses'][200]> {}

/** The body of `GET /models`. */
export interface ModelsListResponse extends JSONOf<paths['/models']['get']['responses'][200]> {}

/** The `error` object of an error answer. */
export type ErrorObject = JSONOf<paths['/models/{model}']['get']['responses'][404]>['error'];

export type { paths, components, operations } from '../generated/openapi.js';
