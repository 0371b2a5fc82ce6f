// openrouter.ai API reference, "List all models and their properties"
import { emulate, json, undocumented, type Emulation } from './serve.js';

const pricing = { prompt: '0.00000015', completion: '0.0000006' };

export function startOpenRouter(): Promise<Emulation> {
  return emulate((req, res) => {
    if (req.path === '/v1/models' && req.method === 'GET')
      return json(res, 200, {
        data: [
          {
            id: 'openai/gpt-4o-mini',
            canonical_slug: 'openai/gpt-4o-mini',
            name: 'OpenAI: GPT-4o-mini',
            created: 1721260800,
            context_length: 128000,
            pricing,
          },
          {
            id: 'meta-llama/llama-3.3-70b-instruct:free',
            canonical_slug: 'meta-llama/llama-3.3-70b-instruct',
            name: 'Meta: Llama 3.3 70B Instruct (free)',
            created: 1733506137,
            context_length: 131072,
            pricing: { prompt: '0', completion: '0' },
          },
        ],
      });
    undocumented(res);
  });
}
