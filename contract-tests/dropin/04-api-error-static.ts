// Source: openai-node README, "Handling errors": `.catch(async (err) => { if (err instanceof
// OpenAI.APIError) { ... err.status ... err.name ... err.headers } else { throw err; } })`.
// (The README also logs `err.request_id`, which the 6.x class does not declare; `requestID` it does.)
import OpenAI from 'openai';

const client = new OpenAI();

const model = await client.models.retrieve('gpt-4o-mini', { headers: { Prefer: 'code=401' } }).catch(async (err) => {
  if (err instanceof OpenAI.APIError) {
    console.log(err.requestID);
    console.log(err.status); // 401
    console.log(err.name); // AuthenticationError
    console.log(err instanceof OpenAI.AuthenticationError);
    console.log(err.headers?.get('content-type'));
  } else {
    throw err;
  }
});
console.log(model === undefined);
