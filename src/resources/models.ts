import type { APIPromise } from '../api-promise.js';
import type { OpenAI } from '../client.js';
import { modelDeletedShape, modelShape, modelsListShape, withRequestID } from '../internal/validate.js';
import { Page, PagePromise } from '../pagination.js';
import type { RequestOptions, RequestOptionsWithBody } from '../request-options.js';
import type { Model, ModelDeleted } from '../types.js';

export type { Model, ModelDeleted };

/** What `await client.models.list()` gives: one page of models (the official SDK's name). */
export type ModelsPage = Page<Model>;

/** `client.models`: list and describe the models available in the API. */
export class Models {
  readonly #client: OpenAI;

  constructor(client: OpenAI) {
    this.#client = client;
  }

  /**
   * Lists the currently available models, and provides basic information
   * about each one such as the owner and availability.
   *
   * @example
   * for await (const model of client.models.list()) console.log(model.id);
   */
  list(options?: RequestOptions): PagePromise<Model> {
    const client = this.#client;
    return new PagePromise(
      client._start('GET', '/models', {}, options),
      (sent) => {
        const body = client._parse(sent, modelsListShape);
        return withRequestID(new Page(body), body._request_id ?? null);
      },
    );
  }

  /**
   * Retrieves a model instance, providing basic information about the model
   * such as the owner and permissioning.
   *
   * @param model The model id, e.g. `gpt-4o-mini`; `""`, `.` and `..` are refused before any request.
   */
  retrieve(model: string, options?: RequestOptions): APIPromise<Model> {
    const client = this.#client;
    return client._call('GET', '/models/{model}', { model }, options, modelShape);
  }

  /**
   * Delete a fine-tuned model. You must have the Owner role in your
   * organization to delete a model.
   *
   * @param model The fine-tuned model id, e.g. `ft:gpt-4o-mini:acemeco:suffix:abc123`.
   */
  delete(model: string, options?: RequestOptionsWithBody): APIPromise<ModelDeleted> {
    const client = this.#client;
    return client._call('DELETE', '/models/{model}', { model }, options, modelDeletedShape);
  }
}

// As in the official SDK: `Models.Model` (so `OpenAI.Models.Model`) names the types.
export declare namespace Models {
  export type { Model, ModelDeleted, ModelsPage };
}
