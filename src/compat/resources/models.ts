/**
 * `openai-models/resources/models`, the counterpart of `openai/resources/models`.
 * Every deep entry point re-exports from the package's one entry (`../index.js`),
 * so a class imported here is the very class the client throws or returns:
 * `instanceof` holds whichever path a program imports it from.
 */
export { Models, type Model, type ModelDeleted, type ModelsPage } from '../../index.js';
