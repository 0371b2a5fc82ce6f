/** `openai-models/resources` (and `/resources/index`): the models part of `openai/resources`. */
export { Models, type Model, type ModelDeleted, type ModelsPage } from '../../index.js';
