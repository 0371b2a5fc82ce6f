// vllm entrypoints/openai/models/api_router.py and api_server.py (no retrieve route: PR #43127 was closed)
import { emulate, json, type Emulation } from './serve.js';

const id = 'meta-llama/Llama-3.1-8B-Instruct';

/** With `apiKey`, as `vllm serve --api-key`: every /v1 route answers 401 without it. */
export function startVLLM({ apiKey }: { apiKey?: string } = {}): Promise<Emulation> {
  return emulate((req, res) => {
    if (apiKey !== undefined && req.path.startsWith('/v1/') && req.authorization !== `Bearer ${apiKey}`)
      return json(res, 401, { error: 'Unauthorized' });
    if (req.path === '/v1/models' && req.method === 'GET') {
      const created = Math.floor(Date.now() / 1000);
      const permission = [{ id: `modelperm-${created}`, object: 'model_permission', created, allow_sampling: true }];
      return json(res, 200, {
        object: 'list',
        data: [
          { id, object: 'model', created, owned_by: 'vllm', root: id, parent: null, max_model_len: 131072, permission },
        ],
      });
    }
    // FastAPI's answer for a path no route matches.
    json(res, 404, { detail: 'Not Found' });
  });
}
