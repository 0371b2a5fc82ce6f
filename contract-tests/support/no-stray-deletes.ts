/**
 * Setup file of the `contract:openai-like` project: after each test file,
 * fails it if the OpenAI-like server has received a DELETE for any model
 * other than the one named for deletion. Against a real account such a
 * call would delete a model. (A failing globalSetup teardown would only
 * print an error: vitest still exits 0.)
 */
import { afterAll, expect, inject } from 'vitest';

afterAll(async () => {
  const response = await fetch(new URL('/_test/deletes', inject('baseURL')));
  const deletes = (await response.json()) as string[];
  expect(
    deletes.filter((id) => id !== inject('deleteModelId')),
    'DELETE sent for models not named for deletion',
  ).toEqual([]);
});
