// Source: a public app's helper `async function listModels(): Promise<OpenAI.Models.Model[]>`
// (`const response = await openai.models.list(); return response.data;`), and another's
// `_listModels(filter?: (m: OpenAI.Models.Model) => boolean)` (code search: `OpenAI.Models.Model`).
import OpenAI from 'openai';

export async function listModels(): Promise<OpenAI.Models.Model[]> {
  const openai = new OpenAI({ organization: 'org-test' });
  const response = await openai.models.list();
  return response.data;
}

async function chatModels(filter?: (m: OpenAI.Models.Model) => boolean): Promise<string[]> {
  const result = await listModels();
  return result.filter((m) => filter?.(m) ?? true).map((m) => m.id);
}

console.log(await chatModels((m) => m.id.includes('gpt-') && !m.id.startsWith('ft:')));
