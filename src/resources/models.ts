import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import type { APIPromise } from '../api-promise.js';
import type { Caller } from '../internal/call.js';
import { modelDeletedShape, modelShape, modelsListShape } from '../internal/validate.js';
import type { Page, PagePromise } from '../pagination.js';
import type { RequestOptions, RequestOptionsWithBody } from '../request-options.js';
import type { Model, ModelDeleted } from '../types.js';

export type { Model, ModelDeleted };

/** What `await client.models.list()` gives: one page of models (the official SDK's name). */
export type ModelsPage = Page<Model>;

/**
 * `client.models`: list and describe the models available in the API. Each
 * method is one typed call of `client.api` (openapi-fetch), so its paths and
 * path parameters are checked against the spec, and `client.api`'s
 * middleware sees it.
 */
export class Models {
  readonly #api: Client<paths>;
  readonly #caller: Caller;

  constructor(api: Client<paths>, caller: Caller) {
    this.#api = api;
    this.#caller = caller;
  }

  /**
   * Lists the currently available models, and provides basic information
   * about each one such as the owner and availability.
   *
   * @example
   * for await (const model of client.models.list()) console.log(model.id);
   */
  list(options?: RequestOptions): PagePromise<Model> {
    return this.#caller.page((init) => this.#api.GET('/models', init), modelsListShape, options);
  }

  /**
   * Retrieves a model instance, providing basic information about the model
   * such as the owner and permissioning.
   *
   * @param model The model id, e.g. `gpt-4o-mini`; `""`, `.` and `..` are refused before any request.
   */
  retrieve(model: string, options?: RequestOptions): APIPromise<Model> {
    const api = this.#api;
    return this.#caller.one('GET', (init) => api.GET('/models/{model}', { params: { path: { model } }, ...init }), modelShape, options);
  }

  /**
   * Delete a fine-tuned model. You must have the Owner role in your
   * organization to delete a model.
   *
   * @param model The fine-tuned model id, e.g. `ft:gpt-4o-mini:acemeco:suffix:abc123`.
   */
  delete(model: string, options?: RequestOptionsWithBody): APIPromise<ModelDeleted> {
    const api = this.#api;
    return this.#caller.one('DELETE', (init) => api.DELETE('/models/{model}', { params: { path: { model } }, ...init }), modelDeletedShape, options);
  }
}

// As in the official SDK: `Models.Model` (so `OpenAI.Models.Model`) names the types.
export declare namespace Models {
  export type { Model, ModelDeleted, ModelsPage };
}
