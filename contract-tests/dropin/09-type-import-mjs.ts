// Source: a public React app's hook `useModels()` with `import type { Model } from
// 'openai/resources/models.mjs'` (the form editors' auto-import writes), typing the models it shows.
import OpenAI from 'openai';
import type { Model } from 'openai/resources/models.mjs';

function newestFirst(models: Model[]): Model[] {
  return [...models].sort((a, b) => b.created - a.created);
}

const client = new OpenAI();
const { data } = await client.models.list();
for (const model of newestFirst(data)) console.log(model.id, new Date(model.created * 1000).toISOString().slice(0, 10));
