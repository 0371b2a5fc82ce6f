// Source: openai-node tests/api-resources/models.test.ts, test "del":
// `client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123')`, then the parsed result.
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: 'My API Key' });

const deleted = await client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123');
console.log(deleted.id, deleted.object, deleted.deleted);
