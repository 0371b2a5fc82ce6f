import { APIPromise } from './api-promise.js';
import { OpenAIError } from './errors.js';

/** The body of a list answer, as the official SDK names it (`openai/pagination`). */
export interface PageResponse<Item> {
  data: Item[];
  object: string;
}

/**
 * A page of items, as the official SDK returns from `list()`. The API is not paginated, so there is one
 * page; the page methods keep code written for pagination working. The body's properties are kept.
 */
export class Page<Item> implements AsyncIterable<Item>, PageResponse<Item> {
  // `declare`: set in the constructor, in the body's order.
  declare readonly object: 'list';
  declare readonly data: Item[];
  /** The `x-request-id` of the answer; non-enumerable, so `JSON.stringify` leaves it out. */
  declare readonly _request_id?: string | null;

  constructor(body: { object: 'list'; data: Item[] }) {
    // Not a key the page has (its methods, `__proto__`): a server must not break `for await`.
    for (const [key, value] of Object.entries(body)) {
      if (!(key in this)) (this as Record<string, unknown>)[key] = value;
    }
  }

  getPaginatedItems(): Item[] {
    return this.data;
  }

  /** Always `false`: the endpoint returns every model at once. */
  hasNextPage(): boolean {
    return false;
  }

  /** Throws: there is never a next page (check `hasNextPage()` first, as with the official SDK). */
  async getNextPage(): Promise<Page<Item>> {
    throw new OpenAIError('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.');
  }

  /** Every page, in order: this one. */
  async *iterPages(): AsyncGenerator<Page<Item>> {
    yield this;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.iterPages()) yield* page.getPaginatedItems();
  }
}

/** `await` it for the first page, or `for await` over it for every item. */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this;
  }
}
