import { OpenAI } from './client.js';

export { OpenAI };
export default OpenAI;
export type { ClientOptions } from './client.js';
export type { RequestOptions, RequestOptionsWithBody } from './request-options.js';
export { APIPromise, type WithResponse } from './api-promise.js';
export { Page, PagePromise, type PageResponse } from './pagination.js';
export { Models, type ModelsPage } from './resources/models.js';
export * from './errors.js';
export type { Logger, LogLevel } from './internal/logger.js';
export type { Fetch } from './internal/transport.js';
export type { WithRequestID, StrictValidation, Operation } from './internal/validate.js';
export type { Model, ModelDeleted, ModelsListResponse, ErrorObject, paths, components, operations } from './types.js';
