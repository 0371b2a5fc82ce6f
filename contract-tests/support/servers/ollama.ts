// ollama server/routes.go, middleware/openai.go and middleware/openai_test.go ("list handler empty output"), openai/openai.go
import { emulate, json, type Emulation } from './serve.js';

const installed = [{ id: 'llama3.2:latest', object: 'model', created: 1733097600, owned_by: 'library' }];

/** Ollama's OpenAI layer; `none` for a fresh install, where the list's `data` is null. */
export function startOllama({ none = false } = {}): Promise<Emulation> {
  const models = none ? [] : installed;
  return emulate((req, res) => {
    // No auth: the key is "required but ignored".
    if (req.path === '/v1/models' && req.method === 'GET')
      return json(res, 200, { object: 'list', data: models.length ? models : null });
    if (req.model === undefined) return json(res, 404, { error: { message: '404 page not found' } });
    if (req.method !== 'GET') return json(res, 405, { error: { message: 'method not allowed' } });
    const model = models.find((m) => m.id === req.model);
    if (model) return json(res, 200, model);
    json(res, 404, {
      error: { message: `model '${req.model}' not found`, type: 'not_found_error', param: null, code: null },
    });
  });
}
