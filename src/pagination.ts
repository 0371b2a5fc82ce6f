import { APIPromise } from './api-promise.js';
import { OpenAIError } from './errors.js';

/** The body of a list answer, as the official SDK names it (`openai/pagination`). */
export interface PageResponse<Item> {
  data: Item[];
  object: string;
}

/**
 * A page of items, as the official SDK returns from `list()`. The Models API
 * is not paginated today, so there is one page; `hasNextPage()` and
 * `getNextPage()` exist so that code written for pagination keeps working.
 * Every property of the body (`object`, `data`, and any a server adds) is
 * kept, except one named like a method of the page.
 */
export class Page<Item> implements AsyncIterable<Item>, PageResponse<Item> {
  // `declare`: set in the constructor, with every other property of the
  // body, in the body's order; no class fields to initialise first.
  declare readonly object: 'list';
  declare readonly data: Item[];
  /** The `x-request-id` of the answer; non-enumerable, so `JSON.stringify` leaves it out. */
  declare readonly _request_id?: string | null;

  constructor(body: { object: 'list'; data: Item[] }) {
    // A key that names something the page already has (its methods, Object's
    // own, `__proto__`, whose setter would swap the prototype) is left out:
    // a server must not be able to hide `hasNextPage` or break `for await`.
    for (const [key, value] of Object.entries(body)) {
      if (!(key in this)) (this as Record<string, unknown>)[key] = value;
    }
  }

  /** The items of this page. */
  getPaginatedItems(): Item[] {
    return this.data;
  }

  /** Always `false`: the endpoint returns every model at once. */
  hasNextPage(): boolean {
    return false;
  }

  /** Throws: there is never a next page (check `hasNextPage()` first, as with the official SDK). */
  getNextPage(): Promise<Page<Item>> {
    return Promise.reject(new OpenAIError('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.'));
  }

  /** Every item of every page, in order. */
  async *iterPages(): AsyncGenerator<Page<Item>> {
    // The one page there is (hasNextPage() is always false).
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
