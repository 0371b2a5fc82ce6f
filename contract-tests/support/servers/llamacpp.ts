// llama.cpp tools/server/server.cpp, server-http.cpp, server-common.cpp
import { emulate, json, type Emulation } from './serve.js';

/** With `apiKey`, as `llama-server --api-key`: /v1/models stays public, other routes answer 401. */
export function startLlamaCpp({ apiKey }: { apiKey?: string } = {}): Promise<Emulation> {
  return emulate((req, res) => {
    if (req.path === '/v1/models' && req.method === 'GET') {
      const meta = {
        vocab_type: 2,
        n_vocab: 128256,
        n_ctx_train: 131072,
        n_embd: 4096,
        n_params: 8030261248,
        size: 4920733696,
      };
      const model = {
        id: 'Llama-3.1-8B-Instruct-Q4_K_M.gguf',
        object: 'model',
        created: Math.floor(Date.now() / 1000),
        owned_by: 'llamacpp',
        meta,
        aliases: [],
        tags: [],
      };
      return json(res, 200, { object: 'list', data: [model] });
    }
    if (apiKey !== undefined && req.authorization !== `Bearer ${apiKey}`)
      return json(res, 401, { error: { code: 401, message: 'Invalid API Key', type: 'authentication_error' } });
    // No retrieve or delete route.
    json(res, 404, { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } });
  });
}
