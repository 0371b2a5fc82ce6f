// Source: a public web app's key check, `new OpenAI({ apiKey, dangerouslyAllowBrowser: true })`
// then `await client.models.list()`, returning false on failure (code search:
// "validateApiKey ... dangerouslyAllowBrowser"). Prism's `Prefer: code=401` plays the bad key.
import OpenAI from 'openai';

export async function validateApiKey(apiKey: string, headers?: Record<string, string>): Promise<boolean> {
  try {
    const client = new OpenAI({
      apiKey,
      baseURL: process.env['OPENAI_BASE_URL'],
      dangerouslyAllowBrowser: true,
    });

    await client.models.list({ headers });
    return true;
  } catch (error) {
    console.log('API key validation error:', error instanceof OpenAI.AuthenticationError ? error.status : error);
    return false;
  }
}

console.log(await validateApiKey('sk-good'));
console.log(await validateApiKey('sk-bad', { Prefer: 'code=401' }));
