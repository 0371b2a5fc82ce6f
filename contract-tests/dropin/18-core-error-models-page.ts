// Source: a public API gateway's OpenAI service: `import { Model, ModelsPage } from
// 'openai/resources/models'` and `import { APIError } from "openai/core/error"`, listing models
// for its own /models route and turning an APIError into the status it answers with.
import OpenAI from 'openai';
import { APIError } from 'openai/core/error';
import type { Model, ModelsPage } from 'openai/resources/models';

async function listModels(client: OpenAI, headers: Record<string, string> = {}): Promise<[number, Model[]]> {
  try {
    const page: ModelsPage = await client.models.list({ headers });
    return [200, page.data];
  } catch (e) {
    if (e instanceof APIError) return [e.status ?? 502, []];
    throw e;
  }
}

const client = new OpenAI({ maxRetries: 0 });
console.log(JSON.stringify(await listModels(client)));
console.log(JSON.stringify(await listModels(client, { Prefer: 'code=429' })));
