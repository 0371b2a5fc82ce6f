// Source: openai-node README, "Request IDs": "All object responses in the SDK provide a
// `_request_id` property ... from the `x-request-id` response header": `console.log(x._request_id)`.
import OpenAI from 'openai';

const client = new OpenAI();

const model = await client.models.retrieve('gpt-4o-mini');
console.log(model._request_id); // req_...
const deleted = await client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123');
console.log(deleted._request_id);
console.log(JSON.stringify(model)); // the id is not part of the model's JSON
