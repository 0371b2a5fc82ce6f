// Source: a public VS Code extension serving an OpenAI-compatible API (vscode-lm-proxy):
// `import type { PageResponse } from 'openai/pagination'` and `import type { Model } from
// 'openai/resources'`, building `const openAIModelsResponse: PageResponse<Model> = { object: 'list', data }`.
import OpenAI from 'openai';
import type { PageResponse } from 'openai/pagination';
import type { Model } from 'openai/resources';

const now = 1_700_000_000;
const modelsData: Model[] = [{ id: 'vscode-lm-proxy', object: 'model', created: now, owned_by: 'vscode-lm-proxy' }];

// Merge what the upstream API lists with the proxy's own model.
const upstream = await new OpenAI().models.list();
const openAIModelsResponse: PageResponse<Model> = {
  object: 'list',
  data: [...upstream.data, ...modelsData],
};
console.log(JSON.stringify(openAIModelsResponse));
