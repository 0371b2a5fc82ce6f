// LocalAI core/http/routes/openai.go, core/http/endpoints/openai/list.go, core/http/auth/middleware.go
import { emulate, json, type Emulation } from './serve.js';

/** With `apiKey`, as when keys are set: every route asks for it. */
export function startLocalAI({ apiKey }: { apiKey?: string } = {}): Promise<Emulation> {
  return emulate((req, res) => {
    if (apiKey !== undefined && req.authorization !== `Bearer ${apiKey}`)
      return json(res, 401, {
        error: { code: 401, message: 'An authentication key is required', type: 'invalid_request_error' },
      });
    if (req.path === '/v1/models' && req.method === 'GET')
      return json(res, 200, { object: 'list', data: [{ id: 'phi-2', object: 'model' }] });
    // No retrieve route: /v1/models/capabilities is LocalAI's own extension.
    json(res, 404, { error: { code: 404, message: 'Resource not found', type: '' } });
  });
}
