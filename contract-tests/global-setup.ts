/**
 * Starts Prism from spec/openapi.yaml once for the contract tests and stops
 * it afterwards. With TEST_API_BASE_URL set, the same tests run against that
 * server instead (TEST_API_KEY is its key) and no Prism is started.
 */
import type { TestProject } from 'vitest/node';
import { startPrism } from '../scripts/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    apiKey: string;
    /** True when the tests run against Prism, whose `Prefer` header picks a declared answer. */
    isMock: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['TEST_API_BASE_URL'];
  if (external) {
    project.provide('baseURL', external);
    project.provide('apiKey', process.env['TEST_API_KEY'] ?? '');
    project.provide('isMock', false);
    return async () => {};
  }
  const prism = await startPrism();
  console.log(`Prism ready at ${prism.url} in ${prism.startupMs} ms`);
  project.provide('baseURL', prism.url);
  project.provide('apiKey', 'sk-contract-test-key');
  project.provide('isMock', true);
  return () => prism.stop();
}
