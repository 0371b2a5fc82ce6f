/**
 * The public data types, from the generated `paths`. Compatible servers may leave out `created` or
 * `owned_by`: the client insists only on a string `id`, and keeps what a server adds, untyped.
 */
import type { paths } from '../generated/openapi.js';

type JSONOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

// Interfaces, so that editors show `Model` rather than its properties.

/** A model, as `GET /models/{model}` returns it. */
export interface Model extends JSONOf<paths['/models/{model}']['get']['responses'][200]> {}

/** What `DELETE /models/{model}` returns. */
export interface ModelDeleted extends JSONOf<paths['/models/{model}']['delete']['responses'][200]> {}

/** The body of `GET /models`. */
export interface ModelsListResponse extends JSONOf<paths['/models']['get']['responses'][200]> {}

/** The `error` object of an error answer. */
export type ErrorObject = JSONOf<paths['/models/{model}']['get']['responses'][404]>['error'];

export type { paths, components, operations } from '../generated/openapi.js';
