// LiteLLM proxy 1.80.8 run from source; PR #13268 (retrieve), issue #37271 (ids with /)
import type { ServerResponse } from 'node:http';
import { emulate, json, type Emulation } from './serve.js';

const ids = ['gpt-4o-mini', 'ollama:llama3', 'openai/gpt-4o'];
const model = (id: string) => ({ id, object: 'model', created: 1677610602, owned_by: 'openai' });

/** A proxy with a master key (`apiKey`); no `x-request-id` on these routes. */
export function startLiteLLM({ apiKey = 'sk-litellm-master' } = {}): Promise<Emulation> {
  return emulate((req, res) => {
    const modelsRoute = req.path === '/v1/models' || /^\/v1\/models\/[^/]+$/.test(req.path);
    // The method is refused before the key is checked.
    if (modelsRoute && req.method !== 'GET') return methodNotAllowed(res);
    if (req.authorization === undefined)
      return json(res, 401, {
        error: {
          message: 'Authentication Error, No api key passed in.',
          type: 'auth_error',
          param: 'None',
          code: '401',
        },
      });
    if (req.path === '/v1/models') return json(res, 200, { object: 'list', data: ids.map(model) });
    // The route is matched on the decoded path: an id with `/`, even sent as %2F, spans two segments and matches nothing.
    if (req.model === undefined || req.model.includes('/')) return json(res, 404, { detail: 'Not Found' });
    if (ids.includes(req.model)) return json(res, 200, model(req.model));
    json(res, 404, { detail: `The model \`${req.model}\` does not exist or is not accessible` });
  });
}

function methodNotAllowed(res: ServerResponse): void {
  json(res, 405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
}
