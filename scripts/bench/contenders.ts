/**
 * The five contenders, each built the way its documentation says, over the
 * same injected `fetch` and base URL, with its defaults otherwise (the client
 * and both official SDKs, 6.x and 7.x, keep their 2 retries and 10-minute
 * timeout; raw fetch and bare openapi-fetch have neither). Every call ends with the JSON
 * body parsed into objects, so all four do the same useful work.
 *
 * openai-models is loaded from the BUILT package (dist/), so the figures
 * describe what users install; `npm run bench` builds it first.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import createClient from 'openapi-fetch';
import OfficialV6 from 'openai';
import OfficialV7 from 'openai-v7';
import type { paths } from '../../generated/openapi.js';
import { MODEL_ID } from './fixtures.js';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Contender {
  name: string;
  retrieve(): Promise<unknown>;
  list(): Promise<unknown>;
}

export const NAMES = ['raw fetch', 'openapi-fetch', 'openai-models', 'openai 6.x', 'openai 7.x'] as const;
export type Name = (typeof NAMES)[number];

/** The contender the figures are about; every ratio is this one ÷ another. */
export const OURS = 'openai-models' satisfies Name;

/** The official SDK's two majors: `openai` is 6.x, `openai-v7` (an npm alias) is 7.x. */
export const OFFICIAL = { 'openai 6.x': 'openai', 'openai 7.x': 'openai-v7' } as const satisfies Partial<
  Record<Name, string>
>;

export const API_KEY = 'sk-bench-0000000000000000';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST_INDEX = resolve(ROOT, 'dist/src/index.js');

type OursModule = typeof import('../../src/index.js');
type StrictModule = typeof import('../../src/strict.js');

/** The built package; its path is computed so that typechecking does not need a build. */
export async function loadOurs(): Promise<OursModule> {
  return (await import(pathToFileURL(DIST_INDEX).href)) as OursModule;
}

/** The built `openai-models/strict` entry, as `loadOurs` loads the main one. */
export async function loadStrict(): Promise<StrictModule> {
  return (await import(pathToFileURL(resolve(ROOT, 'dist/src/strict.js')).href)) as StrictModule;
}

/**
 * The five contenders over `stub` (section 1) or, without one, over each
 * library's own default, `globalThis.fetch` (section 2).
 */
export async function makeContenders(baseURL: string, stub?: Fetch): Promise<Record<Name, Contender>> {
  const { OpenAI: Ours } = await loadOurs();
  const headers = { Authorization: `Bearer ${API_KEY}` };
  const fetch: Fetch = stub ?? globalThis.fetch;
  const withFetch = stub ? { fetch: stub } : {};

  const bare = createClient<paths>({ baseUrl: baseURL, headers, ...withFetch });
  const ours = new Ours({ apiKey: API_KEY, baseURL, ...withFetch });
  const v6 = new OfficialV6({ apiKey: API_KEY, baseURL, ...withFetch });
  const v7 = new OfficialV7({ apiKey: API_KEY, baseURL, ...withFetch });

  return {
    'raw fetch': {
      name: 'raw fetch',
      retrieve: () => fetch(`${baseURL}/models/${MODEL_ID}`, { headers }).then(json),
      list: () => fetch(`${baseURL}/models`, { headers }).then(json),
    },
    'openapi-fetch': {
      name: 'openapi-fetch',
      retrieve: () => bare.GET('/models/{model}', { params: { path: { model: MODEL_ID } } }),
      list: () => bare.GET('/models'),
    },
    'openai-models': {
      name: 'openai-models',
      retrieve: () => ours.models.retrieve(MODEL_ID),
      list: () => ours.models.list(),
    },
    'openai 6.x': {
      name: 'openai 6.x',
      retrieve: () => v6.models.retrieve(MODEL_ID),
      list: () => v6.models.list(),
    },
    'openai 7.x': {
      name: 'openai 7.x',
      retrieve: () => v7.models.retrieve(MODEL_ID),
      list: () => v7.models.list(),
    },
  };
}

function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
