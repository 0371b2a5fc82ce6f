/** The official SDK's type names, on the namespace merged with the class: `OpenAI.Models.Model` and friends. */
import { describe, expectTypeOf, it } from 'vitest';
import OpenAI, { type Model, type ModelDeleted, type Page, type PageResponse, type RequestOptions } from './index.js';
import type * as DeepModels from './compat/resources/models.js';
import type * as DeepPagination from './compat/pagination.js';

describe('namespace OpenAI', () => {
  it('names the models types as openai 6.x and 7.x do', () => {
    expectTypeOf<OpenAI.Models.Model>().toEqualTypeOf<Model>();
    expectTypeOf<OpenAI.Models.ModelDeleted>().toEqualTypeOf<ModelDeleted>();
    expectTypeOf<OpenAI.Models.ModelsPage>().toEqualTypeOf<Page<Model>>();
    expectTypeOf<OpenAI.Model>().toEqualTypeOf<Model>();
    expectTypeOf<OpenAI.ModelDeleted>().toEqualTypeOf<ModelDeleted>();
    expectTypeOf<OpenAI.ModelsPage>().toEqualTypeOf<Page<Model>>();
    expectTypeOf<OpenAI.RequestOptions>().toEqualTypeOf<RequestOptions>();
    expectTypeOf<OpenAI.PageResponse<Model>>().toEqualTypeOf<PageResponse<Model>>();
    expectTypeOf<OpenAI.Page<Model>>().toEqualTypeOf<Page<Model>>();
    // @ts-expect-error only models code is here: no chat types
    type Chat = OpenAI.ChatCompletion;
  });

  it('has the classes as values too, the very ones the client uses', () => {
    expectTypeOf(OpenAI.Models).toEqualTypeOf<typeof import('./resources/models.js').Models>();
    expectTypeOf(OpenAI.Page).toEqualTypeOf<typeof import('./pagination.js').Page>();
    expectTypeOf(new OpenAI({ apiKey: 'k' }).models).toEqualTypeOf<OpenAI.Models>();
  });

  it('accepts dangerouslyAllowBrowser, and nothing it does not know', () => {
    expectTypeOf<ConstructorParameters<typeof OpenAI>[0]>().toExtend<
      { dangerouslyAllowBrowser?: boolean | undefined } | undefined
    >();
    // @ts-expect-error a misspelt option is a compile error
    new OpenAI({ apiKey: 'k', dangerouslyAllowBrowsers: true });
  });
});

describe('deep entry points', () => {
  it('re-export the same types as the main entry', () => {
    expectTypeOf<DeepModels.Model>().toEqualTypeOf<Model>();
    expectTypeOf<DeepModels.ModelsPage>().toEqualTypeOf<OpenAI.ModelsPage>();
    expectTypeOf<DeepPagination.PageResponse<Model>>().toEqualTypeOf<PageResponse<Model>>();
  });
});
