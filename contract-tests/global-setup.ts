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
import { sharedCLI } from './support/cli.js';
import { startOpenAILikeServer } from './support/openai-like-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    apiKey: string;
    /** True when the tests run against Prism, whose `Prefer` header picks a declared answer. */
    isMock: boolean;
    /** The only model a test may DELETE (TEST_DELETE_MODEL_ID on another server); null: send no DELETE. */
    deleteModelId: string | null;
    /** The CLI's `bin.js`, built once per run with the package's build config (support/cli.ts). */
    cliBin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [cli, server] = await Promise.allSettled([sharedCLI(), serverUnderTest(project)]);
  const teardown = async (): Promise<void> => {
    await Promise.all([cli.status === 'fulfilled' && cli.value.release(), server.status === 'fulfilled' && server.value()]);
  };
  if (cli.status === 'rejected' || server.status === 'rejected') {
    await teardown();
    throw cli.status === 'rejected' ? cli.reason : (server as PromiseRejectedResult).reason;
  }
  project.provide('cliBin', cli.value.bin);
  return teardown;
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
