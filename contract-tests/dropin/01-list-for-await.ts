// Source: openai-node README, "Auto-pagination" (`for await (const x of client.<resource>.list())`),
// as modalityml/fluent-ai examples/openai-models.ts prints each model's id.
import OpenAI from 'openai';

const client = new OpenAI();

const ids: string[] = [];
for await (const model of client.models.list()) {
  ids.push(model.id);
}
console.log(ids.join('\n'));
