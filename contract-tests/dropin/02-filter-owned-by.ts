// Source: a public app's "ListFineTuneCmd" (code search: `this.oai.models.list()` then
// `m.owned_by.startsWith("user-")`), which lists only the caller's fine-tuned models.
import OpenAI from 'openai';
import { info } from 'console';

export class ListFineTuneCmd {
  private oai: OpenAI;
  constructor(oai: OpenAI) {
    this.oai = oai;
  }

  public async process() {
    const models = await this.oai.models.list();
    models.data.forEach((m) => {
      if (m.owned_by.startsWith('user-')) {
        info(`ID: ${m.id} | Created: ${m.created} | OwnedBy: ${m.owned_by}`);
      }
    });
  }
}

await new ListFineTuneCmd(new OpenAI()).process();
