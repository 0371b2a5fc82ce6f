import type { APIPromise } from '../api-promise.js';
import type { Caller } from '../internal/call.js';
import type { Page, PagePromise } from '../pagination.js';
import type { RequestOptions, RequestOptionsWithBody } from '../request-options.js';
import type { Model, ModelDeleted } from '../types.js';

export type { Model, ModelDeleted };

/** What `await client.models.list()` gives: one page of models (the official SDK's name). */
export type ModelsPage = Page<Model>;

/** `client.models`: each method is one typed call of `client.api`, whose middleware sees it. */
export class Models {
  readonly #caller: Caller;

  constructor(caller: Caller) {
    this.#caller = caller;
  }

  /** Lists the currently available models: `for await (const model of client.models.list())`. */
  list(options?: RequestOptions): PagePromise<Model> {
    return this.#caller.page<Model>((api, init) => api.GET('/models', init), 'listModels', options);
  }

  /** Retrieves a model. `""`, `.` and `..` are refused before any request. */
  retrieve(model: string, options?: RequestOptions): APIPromise<Model> {
    return this.#caller.one<Model>(
      'GET',
      (api, init) => api.GET('/models/{model}', { params: { path: { model } }, ...init }),
      'retrieveModel',
      options,
    );
  }

  /** Deletes a fine-tuned model, e.g. `ft:gpt-4o-mini:acemeco:suffix:abc123`; it takes the Owner role. */
  delete(model: string, options?: RequestOptionsWithBody): APIPromise<ModelDeleted> {
    return this.#caller.one<ModelDeleted>(
      'DELETE',
      (api, init) => api.DELETE('/models/{model}', { params: { path: { model } }, ...init }),
      'deleteModel',
      options,
    );
  }
}

// As in the official SDK: `Models.Model` (so `OpenAI.Models.Model`) names the types.
export declare namespace Models {
  export type { Model, ModelDeleted, ModelsPage };
}
