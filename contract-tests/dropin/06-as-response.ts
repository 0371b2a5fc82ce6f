// Source: openai-node README, "Accessing raw Response data": `const httpResponse = await
// client.<call>.asResponse(); httpResponse.headers.get(...); httpResponse.statusText`, and
// tests/api-resources/models.test.ts (`await responsePromise.asResponse()` on retrieve).
import OpenAI from 'openai';

const client = new OpenAI();

const httpResponse = await client.models.retrieve('gpt-4o-mini').asResponse();
console.log(httpResponse.status, httpResponse.headers.get('content-type'));
const body: unknown = await httpResponse.json();
console.log(JSON.stringify(body));
