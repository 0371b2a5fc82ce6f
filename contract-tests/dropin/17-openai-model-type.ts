// Source: a public app's abstract provider, `abstract models(): Promise<OpenAI.Models.Model[]>`, and
// openai-node's own namespace exports `OpenAI.Model` / `OpenAI.ModelDeleted` / `OpenAI.ModelsPage`
// (client.ts: `export { Models as Models, type Model as Model, ... }`).
import OpenAI from 'openai';

abstract class Provider {
  abstract models(): Promise<OpenAI.Model[]>;
  abstract remove(id: string): Promise<OpenAI.ModelDeleted>;
}

class OpenAIProvider extends Provider {
  constructor(private readonly client: OpenAI) {
    super();
  }
  async models(): Promise<OpenAI.Model[]> {
    const page: OpenAI.ModelsPage = await this.client.models.list();
    return page.data;
  }
  remove(id: string): Promise<OpenAI.ModelDeleted> {
    return this.client.models.delete(id);
  }
}

const provider: Provider = new OpenAIProvider(new OpenAI());
console.log((await provider.models()).length, (await provider.remove('ft:gpt-4o-mini:acemeco:suffix:abc123')).deleted);
