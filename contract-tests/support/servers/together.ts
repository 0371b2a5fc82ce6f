// helixml/helix#386 and other reports: Together's /v1/models is a bare JSON array
import { emulate, json, undocumented, type Emulation } from './serve.js';

export function startTogether(): Promise<Emulation> {
  return emulate((req, res) => {
    if (req.path === '/v1/models' && req.method === 'GET')
      return json(res, 200, [
        { id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', object: 'model', created: 1733443200, type: 'chat' },
        { id: 'BAAI/bge-large-en-v1.5', object: 'model', created: 1695081600, type: 'embedding' },
      ]);
    undocumented(res);
  });
}
