/**
 * Second step of `npm run docs`: makes the page built by `redocly build-docs
 * --inlineBundle` fully self-contained. Redoc 3.0's sidebar footer ("API docs
 * by" + logo) loads its logo from cdn.redoc.ly on every page view, with no
 * option to turn it off; this swaps the two logo URLs for inline SVGs that
 * keep the attribution and its link. Fails when a URL is not found, so a
 * Redocly upgrade that changes them is noticed here rather than in a reader's
 * browser (the browser test also fails on any request to another host).
 *
 * Usage: tsx scripts/docs-offline.ts docs/index.html
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** An inline SVG of `text` in Redocly's blue, in place of its logo image. */
function wordmark(text: string, width: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 16" width="${width}" height="16">` +
    `<text x="0" y="12.5" textLength="${width}" lengthAdjust="spacingAndGlyphs" ` +
    `font-family="system-ui,sans-serif" font-size="12" font-weight="600" fill="#0044D4">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const inline = new Map([
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', wordmark('Redocly', 46)],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', wordmark('R', 8)],
]);

const file = process.argv[2];
if (!file) throw new Error('usage: tsx scripts/docs-offline.ts <built html file>');
let html = readFileSync(file, 'utf8');
for (const [url, data] of inline) {
  if (!html.includes(url)) {
    throw new Error(
      `${url} is not in ${file}: check what Redoc now loads from its CDN and update scripts/docs-offline.ts`,
    );
  }
  html = html.replaceAll(url, data);
}
writeFileSync(file, html);
console.error(`${file}: Redoc's CDN logo inlined (${Math.round(Buffer.byteLength(html) / 1024)} KiB)`);
