/** `openai-models/resources/models`, as `openai/resources/models`: the main entry's classes, for `instanceof`. */
export { Models, type Model, type ModelDeleted, type ModelsPage } from '../../index.js';
