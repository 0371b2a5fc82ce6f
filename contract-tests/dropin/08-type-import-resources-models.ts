// Source: a public app converting OpenAI's model list for Ollama clients:
// `import { Model as OpenAIModel } from 'openai/resources/models'` and
// `export function openaiModelsResponseToOllama(json: { data: OpenAIModel[] })`.
import OpenAI from 'openai';
import type { Model as OpenAIModel } from 'openai/resources/models';

interface OllamaTag {
  name?: string;
  model?: string;
  modified_at?: string;
}

export function openaiModelsResponseToOllama(json: { data: OpenAIModel[] }) {
  const models: OllamaTag[] = json.data.map((m) => ({
    name: m.id,
    model: m.id,
    modified_at: new Date(m.created * 1000).toISOString(),
  }));
  return { models };
}

const client = new OpenAI();
console.log(JSON.stringify(openaiModelsResponseToOllama(await client.models.list())));
