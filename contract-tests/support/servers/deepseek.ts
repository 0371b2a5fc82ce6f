// api-docs.deepseek.com, "Lists Models"
import { emulate, json, undocumented, type Emulation } from './serve.js';

export function startDeepSeek(): Promise<Emulation> {
  return emulate((req, res) => {
    if (req.path === '/v1/models' && req.method === 'GET')
      return json(res, 200, {
        object: 'list',
        data: [
          { id: 'deepseek-chat', object: 'model', owned_by: 'deepseek' },
          { id: 'deepseek-reasoner', object: 'model', owned_by: 'deepseek' },
        ],
      });
    undocumented(res);
  });
}
