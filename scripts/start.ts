/**
 * `npm start`: the main job. Starts Prism from spec/openapi.yaml on a free
 * port and runs list, retrieve and delete through the client, printing what
 * comes back. Needs no API key: Prism accepts any bearer token.
 */
import OpenAI from '../src/index.js';
import { startPrism } from './prism.js';

const prism = await startPrism();
console.error(`Prism mock of spec/openapi.yaml ready at ${prism.url} in ${prism.startupMs} ms\n`);
try {
  const client = new OpenAI({ apiKey: 'sk-mock-not-a-real-key', baseURL: prism.url, maxRetries: 0 });

  const list = await client.models.list();
  console.log(`GET /models → ${list.data.length} models`);
  console.log(JSON.stringify(list, null, 2));

  const model = await client.models.retrieve('gpt-4o-mini');
  console.log('\nGET /models/gpt-4o-mini →');
  console.log(JSON.stringify(model, null, 2));

  const deleted = await client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123');
  console.log('\nDELETE /models/ft:gpt-4o-mini:acemeco:suffix:abc123 →');
  console.log(JSON.stringify(deleted, null, 2));
} finally {
  await prism.stop();
}
