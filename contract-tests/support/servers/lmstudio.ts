// lmstudio-bug-tracker #1998, #1988 (no created), #618 (HTTP 200 for an unknown route), #1323
import { emulate, json, type Emulation } from './serve.js';

const models = [{ id: 'qwen2.5-7b-instruct', object: 'model', owned_by: 'organization_owner' }];

export function startLMStudio(): Promise<Emulation> {
  return emulate((req, res) => {
    if (req.path === '/v1/models' && req.method === 'GET') return json(res, 200, { data: models, object: 'list' });
    if (req.model !== undefined && req.method === 'GET') {
      const model = models.find((m) => m.id === req.model);
      // The message is documented; the status and envelope of this answer are not: 404 and OpenAI's envelope assumed.
      if (model) return json(res, 200, model);
      return json(res, 404, { error: { message: `Model with identifier '${req.model}' not found` } });
    }
    json(res, 200, { error: `Unexpected endpoint or method. (${req.method} ${req.path})` });
  });
}
