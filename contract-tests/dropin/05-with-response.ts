// Source: openai-node README, "Accessing raw Response data": `const { data, response: raw } =
// await client.<call>.withResponse(); raw.headers.get('X-My-Header')`, and its test
// tests/api-resources/models.test.ts (`dataAndResponse.data`, `dataAndResponse.response`).
import OpenAI from 'openai';

const client = new OpenAI();

const { data: page, response: raw } = await client.models.list().withResponse();
console.log(raw.status, raw.headers.get('x-request-id'));
console.log(page.data.map((model) => model.id).join(','));

const { data: model, request_id } = await client.models.retrieve('gpt-4o-mini').withResponse();
console.log(model.id, model.owned_by, request_id);
