// @dwmkerr/mock-llm 0.1.29 from npm, run here (`npx mock-llm`)
import { emulate, json, undocumented, type Emulation } from './serve.js';

const list = { object: 'list', data: [{ id: 'gpt-5.2', object: 'model', owned_by: 'openai' }] };

export function startMockLLM(): Promise<Emulation> {
  return emulate((req, res) => {
    // Any retrieve answers with the whole list.
    if (req.method === 'GET' && (req.path === '/v1/models' || req.model !== undefined)) return json(res, 200, list);
    undocumented(res);
  });
}
