// Source: openai-node examples/errors.ts (`import OpenAI, { NotFoundError } from 'openai'`, then
// `err instanceof NotFoundError` and its message, code, type, param), on a model that does not exist.
// `Prefer: code=404` asks the Prism mock for its declared 404 answer.
import OpenAI, { NotFoundError } from 'openai';

const client = new OpenAI();

try {
  await client.models.retrieve('unknown-model', { headers: { Prefer: 'code=404' } });
} catch (err) {
  if (err instanceof NotFoundError) {
    console.log(`Caught NotFoundError!`);
    console.log(`message: `, err.message);
    console.log(`code: `, err.code);
    console.log(`type: `, err.type);
    console.log(`param: `, err.param);
    console.log(`status: `, err.status);
  } else {
    console.log(`Raised unknown error`);
    throw err;
  }
}
