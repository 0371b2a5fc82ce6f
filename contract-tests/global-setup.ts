/**
 * The server under test for a contract project, chosen by the project's
 * name (see contract-tests/modes.ts):
 * - `contract`: Prism from spec/openapi.yaml, started once and stopped
 *   afterwards; or, with TEST_API_BASE_URL set, that server (TEST_API_KEY is
 *   its key) and no Prism.
 * - `contract:openai-like`: the tests' own OpenAI-like server; after each
 *   file, support/no-stray-deletes.ts fails the file if any DELETE reached
 *   it for a model other than the one named for deletion.
 */
import type { TestProject } from 'vitest/node';
import { startPrism } from '../scripts/prism.js';
import { forgetBuild } from './support/dist.js';
import { startOpenAILikeServer } from './support/openai-like-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    apiKey: string;
    /** True when the tests run against Prism, whose `Prefer` header picks a declared answer. */
    isMock: boolean;
    /** The only model a test may DELETE (TEST_DELETE_MODEL_ID on another server); null: send no DELETE. */
    deleteModelId: string | null;
    /** Names this vitest run's one build of dist/ (support/dist.ts). */
    runId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Both contract projects share one run id, so dist/ is built once a run: a
  // second build (rm -rf dist) would pull bin.js from under the other
  // project's CLI tests. process.env, not globalThis: each project's global
  // setup may run in a module context of its own, and then a second id was made.
  const runId = (process.env['OPENAI_MODELS_TEST_RUN_ID'] ??= `${process.pid}-${Date.now()}`);
  project.provide('runId', runId);
  const stopServer = await serverUnderTest(project);
  return async () => {
    await Promise.all([stopServer(), forgetBuild(runId)]);
  };
}

async function serverUnderTest(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'contract:openai-like') return openAILike(project);
  const external = process.env['TEST_API_BASE_URL'];
  if (external) {
    project.provide('baseURL', external);
    project.provide('apiKey', process.env['TEST_API_KEY'] ?? '');
    project.provide('isMock', false);
    project.provide('deleteModelId', process.env['TEST_DELETE_MODEL_ID'] || null);
    return async () => {};
  }
  const prism = await startPrism();
  console.log(`Prism ready at ${prism.url} in ${prism.startupMs} ms`);
  project.provide('baseURL', prism.url);
  project.provide('apiKey', 'sk-contract-test-key');
  project.provide('isMock', true);
  project.provide('deleteModelId', 'ft:gpt-4o-mini:acemeco:suffix:abc123');
  return () => prism.stop();
}

async function openAILike(project: TestProject): Promise<() => Promise<void>> {
  const server = await startOpenAILikeServer();
  project.provide('baseURL', server.baseURL);
  project.provide('apiKey', server.apiKey);
  project.provide('isMock', false);
  project.provide('deleteModelId', server.deletableId);
  return () => server.close();
}
