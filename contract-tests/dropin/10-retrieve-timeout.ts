// Source: a public app's health check, `await client.models.retrieve(name, { timeout: 15_000 })`
// for each configured role, and another's `fetchContextWindow(model)` doing the same with its
// own REQUEST_TIMEOUT_MS (code search: `models.retrieve(`).
import OpenAI from 'openai';

const REQUEST_TIMEOUT_MS = 15_000;
const roles = { chat: 'gpt-4o-mini', tuned: 'ft:gpt-4o-mini:acemeco:suffix:abc123' };

const client = new OpenAI({ maxRetries: 1 });
const result: Record<string, { name: string; available: boolean; owner?: string }> = {};
for (const [role, name] of Object.entries(roles)) {
  const model = await client.models.retrieve(name, { timeout: REQUEST_TIMEOUT_MS });
  result[role] = { name, available: model.object === 'model', owner: model.owned_by };
}
console.log(JSON.stringify(result));
