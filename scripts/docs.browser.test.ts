/**
 * The built reference (docs/index.html, `npm run docs`) as a person sees it:
 * Debian's Chromium, driven by playwright-core, opens the file from disk with
 * the network off. Every request for anything but the file itself is
 * refused and recorded, every console error recorded, and each test fails
 * on either. What must be on the page comes from spec/openapi.yaml, and
 * the code samples and guide links from the copy the reference is built
 * from (scripts/docs-spec.ts).
 *
 * Builds the docs first (`npm run docs`, as the Docs workflow publishes
 * them), so it runs beside the other tests in one vitest run. Needs
 * /usr/bin/chromium (`apt-get install -y chromium`) or CHROMIUM_PATH; never
 * a downloaded browser. Without one the tests fail, in CI and out.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docsSpec, type CodeSample } from './docs-spec.js';
import { specPath } from './prism.js';

const root = resolve(import.meta.dirname, '..');
const docsFile = resolve(root, 'docs/index.html');
const screenshotPath = resolve(root, '.tmp/docs-screenshot.png');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const spec = parse(readFileSync(specPath, 'utf8'));
const built = docsSpec();

/** `text` with runs of white space as single spaces (innerText splits "GET" and "/models" over lines). */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Follows a local `$ref` such as `#/components/parameters/ModelId`. */
function resolveRef(ref: string): any {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key) => node[key], spec);
}

/** The spec's operations, with the route Redoc 3 gives each (#/<tag>/<operationid>). */
const operations = Object.entries<Record<string, any>>(spec.paths).flatMap(([path, item]) =>
  ['get', 'put', 'post', 'patch', 'delete']
    .filter((method) => item[method])
    .map((method) => {
      const op = item[method];
      const params: any[] = [...(item['parameters'] ?? []), ...(op.parameters ?? [])];
      return {
        method: method.toUpperCase(),
        path,
        summary: String(op.summary),
        route: `#/${String(op.tags[0]).toLowerCase()}/${String(op.operationId).toLowerCase()}`,
        paramNames: params.map((p) => String((p.$ref ? resolveRef(p.$ref) : p).name)),
        samples: built.paths[path][method]['x-codeSamples'] as CodeSample[],
      };
    }),
);

/** The API's security scheme, as the page should describe it (markdown code spans render as plain text). */
const scheme = (() => {
  const name = Object.keys(spec.security[0])[0] ?? '';
  const description = String(spec.components.securitySchemes[name].description).replaceAll('`', '');
  return { name, description: squash(description) };
})();

let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Requests for anything but file:, data: and blob: URLs: each was refused. */
const outbound: string[] = [];
const consoleErrors: string[] = [];

/**
 * Opens the built file at `hash` and waits for Redoc to hydrate the
 * prerendered page: the footer logo is drawn only then, and only if its
 * inline image loads.
 */
async function open(hash = ''): Promise<void> {
  await page.goto(pathToFileURL(docsFile).href + hash);
  const logo = page.getByRole('img', { name: 'redocly logo' });
  await logo.waitFor();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

/** Why there is no browser context, if there is none. */
let setupError: Error | undefined;

/** Launches Chromium on a context that is offline and refuses (and records) every request for another host. */
async function launch(): Promise<BrowserContext> {
  await promisify(execFile)('npm', ['run', 'docs'], { cwd: root, timeout: 120_000, maxBuffer: 1 << 24 }).catch(
    (error: { message: string; stdout?: string; stderr?: string }) => {
      throw new Error(`npm run docs failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    },
  );
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's: \`apt-get install -y chromium\` (as root), ` +
        'or set CHROMIUM_PATH to a Chromium binary. Never download one (no `npx playwright install`).',
    );
  }
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const created = await browser.newContext({ offline: true, viewport: { width: 1366, height: 900 } });
  await created.route('**/*', async (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    outbound.push(url);
    return route.abort('blockedbyclient');
  });
  return created;
}

// A failed setup is rethrown by every test (below), so a missing browser or
// missing docs show as failed tests, never as skipped ones, in CI or not.
beforeAll(async () => {
  context = await launch().catch((error: Error) => {
    setupError = error;
    return undefined;
  });
}, 180_000);

// A fresh page per test: a dialog or a scroll position left by one test must not help or hinder the next.
beforeEach(async () => {
  if (!context) throw setupError ?? new Error('no browser context');
  outbound.length = 0;
  consoleErrors.length = 0;
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterEach(async () => {
  if (!context) return;
  await page.close();
  // Checked after every test, so a request that an interaction triggers is caught too.
  expect(outbound, 'requests for another host').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('docs/index.html opened from disk, offline', () => {
  it('lands on the operations: the sidebar and the page list all three with method and path', async () => {
    await open();
    expect(page.url()).toMatch(/#\/models$/);
    expect(await page.title()).toBe(`${spec.info.title} reference`);
    expect(operations).toHaveLength(3);
    for (const op of operations) {
      const sidebar = page.locator(`[data-component-name="Menu/Menu"] a[href="${op.route}"]`);
      await sidebar.waitFor();
      expect(squash(await sidebar.innerText())).toBe(`${op.summary} ${op.method}`);
      const card = page.locator(`main a[href="${op.route}"]`).filter({ hasText: op.path });
      expect(squash(await card.innerText())).toBe(`${op.method} ${op.path}`);
      const box = await card.boundingBox();
      expect(box && box.y + box.height, `${op.method} ${op.path} in the first screen`).toBeLessThanOrEqual(900);
    }
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
  });

  it.each(operations)('$method $path: summary, method and path, parameters, auth scheme', async (op) => {
    await open(op.route);
    const section = page.locator(`[data-section-id="${op.route.slice(1)}"]`);
    await section.getByRole('heading', { level: 2, name: op.summary }).waitFor();
    expect(squash(await section.getByRole('button', { name: `${op.method} ${op.path}` }).innerText())).toBe(
      `${op.method} ${op.path}`,
    );
    // Every {name} of the path is a declared parameter, and shown.
    expect(op.paramNames).toEqual([...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
    for (const name of op.paramNames) {
      await section.getByText(name, { exact: true }).first().waitFor();
    }
    await section.getByText(scheme.name, { exact: true }).waitFor();
    await section.getByRole('button', { name: 'View security details' }).click();
    // The details open in a modal rendered next to #redoc, with no dialog role.
    const details = page.locator('body > div:not(#redoc)').filter({ hasText: 'HTTP Authorization Scheme' });
    await details.waitFor();
    expect(squash(await details.innerText())).toContain(`${scheme.name} ${scheme.description}`);
  });

  it('renders response examples, a success and an error', async () => {
    const retrieve = operations.find((op) => op.method === 'GET' && op.path === '/models/{model}');
    if (!retrieve) throw new Error('no GET /models/{model} in the spec');
    await open(retrieve.route);
    const section = page.locator(`[data-section-id="${retrieve.route.slice(1)}"]`);
    const success = spec.paths['/models/{model}'].get.responses['200'].content['application/json'].examples.model.value;
    const notFound = resolveRef('#/components/responses/ModelNotFound').content['application/json'].examples
      .modelNotFound.value;

    const sample = section.locator('[data-component-name="JsonViewer/JsonViewer"]').first();
    await sample.getByText(`"${success.id}"`).waitFor();
    await section.getByRole('button', { name: '404', exact: true }).click();
    await sample.getByText(`"${notFound.error.code}"`).waitFor();
    expect(squash(await sample.innerText())).toContain(`"type": "${notFound.error.type}"`);
  });

  it.each(operations)(
    '$method $path: a TypeScript, a CLI and a curl sample, each as the guides show it',
    async (op) => {
      expect(op.samples.map((sample) => sample.label)).toEqual(['TypeScript', 'CLI', 'curl']);
      await open(op.route);
      const panel = page.locator(`[data-section-id="${op.route.slice(1)}"] .panel-request-samples`);
      for (const sample of op.samples) {
        // One language menu for the whole page; its button shows the language in use.
        await panel.getByRole('button', { name: /^(TypeScript|CLI|curl)$/ }).click();
        await page.getByRole('menuitem', { name: sample.label, exact: true }).click();
        await expect
          .poll(async () => squash(await panel.innerText()), { timeout: 5_000 })
          .toContain(squash(sample.source));
      }
    },
  );

  it('links the overview to the guides', async () => {
    await open('#/');
    const guides = [...String(built.info.description).matchAll(/\[([^\]]+)\]\((https:[^)]+)\)/g)];
    expect(guides.map((match) => match[2]?.replace(/.*\/blob\/main\//, ''))).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/cli.md',
        'docs/compatibility.md',
        'docs/safety.md',
        'CONTRIBUTING.md',
      ]),
    );
    for (const [, name = '', href] of guides) {
      expect(await page.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(href);
    }
  });

  it('keeps the overview and Getting started one click away, at #/', async () => {
    await open('#/');
    expect(page.url()).toMatch(/#\/$/);
    await page
      .getByRole('heading', { name: /Getting started/ })
      .first()
      .waitFor();
    await page.getByText('npm install openai-models').waitFor();
    await page.getByText('npx openai-models models list').waitFor();
  });
});
