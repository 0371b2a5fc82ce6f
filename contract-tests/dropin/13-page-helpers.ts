// Source: openai-node README, "Auto-pagination": "Alternatively, you can request a single page at
// a time": `let page = await client.<resource>.list(); for (const x of page.data) ...;
// while (page.hasNextPage()) { page = await page.getNextPage(); }`.
import OpenAI from 'openai';

const client = new OpenAI();

let page = await client.models.list();
for (const model of page.data) {
  console.log(model.id);
}
let pages = 1;
while (page.hasNextPage()) {
  page = await page.getNextPage();
  pages++;
}
console.log('pages:', pages, 'items on the last:', page.getPaginatedItems().length);
