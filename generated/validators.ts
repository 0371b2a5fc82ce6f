// @ts-nocheck: compiled code, typed by the annotations of its exports.
// Generated from spec/openapi.yaml by scripts/generate-validators.ts (first error only); do not edit: run `npm run generate`.
/** One way a body breaks the spec. */
export interface ValidationError {
  /** Where, in the client's message style: `body`, `body.data[3].created`. */
  path: string;
  /** The JSON Schema keyword broken: `type`, `required`, `enum`, `minLength`, `format`... */
  keyword: string;
  /** `path` and what is wrong there: `body.data[3].created is not an integer`. */
  message: string;
  /** The value found at `path` (undefined when `required` says it is missing), as it came. */
  value: unknown;
}

/** null when `body` conforms; otherwise its errors (one in the first-error build). */
export type Validator = (body: unknown) => ValidationError[] | null;

const [rawDeleteModelResponse, rawErrorResponse, rawListModelsResponse, rawModel] = /* @__PURE__ */ (function() {
'use strict'
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
const ref1 = function validate(data) {
  validate.errors = null
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    validate.errors = [{ keywordLocation: "#/type", instanceLocation: "#" }]
    return false
  }
  if (!("id" in data && hasOwn(data, "id"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/id" }]
    return false
  }
  if (!("object" in data && hasOwn(data, "object"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/object" }]
    return false
  }
  if (!("deleted" in data && hasOwn(data, "deleted"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/deleted" }]
    return false
  }
  if (!(typeof data.id === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/id/type", instanceLocation: "#/id" }]
    return false
  }
  if (!(typeof data.object === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/object/type", instanceLocation: "#/object" }]
    return false
  }
  if (!(typeof data.deleted === "boolean")) {
    validate.errors = [{ keywordLocation: "#/properties/deleted/type", instanceLocation: "#/deleted" }]
    return false
  }
  return true
};
const errorMerge = ({ keywordLocation, instanceLocation }, schemaBase, dataBase) => ({
  keywordLocation: `${schemaBase}${keywordLocation.slice(1)}`,
  instanceLocation: `${dataBase}${instanceLocation.slice(1)}`,
});
const ref0 = function validate(data) {
  validate.errors = null
  const err0 = validate.errors
  const res0 = ref1(data)
  const suberr0 = ref1.errors
  validate.errors = err0
  if (!res0) {
    validate.errors = [errorMerge(suberr0[0], "#/$ref", "#")]
    return false
  }
  return true
};
const ref4 = function validate(data) {
  validate.errors = null
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    validate.errors = [{ keywordLocation: "#/type", instanceLocation: "#" }]
    return false
  }
  if (!("message" in data && hasOwn(data, "message"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/message" }]
    return false
  }
  if (!("type" in data && hasOwn(data, "type"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/type" }]
    return false
  }
  if (!("param" in data && hasOwn(data, "param"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/param" }]
    return false
  }
  if (!("code" in data && hasOwn(data, "code"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/code" }]
    return false
  }
  if (!(typeof data.message === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/message/type", instanceLocation: "#/message" }]
    return false
  }
  if (!(typeof data.type === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/type/type", instanceLocation: "#/type" }]
    return false
  }
  if (!(typeof data.param === "string" || data.param === null)) {
    validate.errors = [{ keywordLocation: "#/properties/param/type", instanceLocation: "#/param" }]
    return false
  }
  if (!(typeof data.code === "string" || data.code === null)) {
    validate.errors = [{ keywordLocation: "#/properties/code/type", instanceLocation: "#/code" }]
    return false
  }
  return true
};
const ref3 = function validate(data) {
  validate.errors = null
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    validate.errors = [{ keywordLocation: "#/type", instanceLocation: "#" }]
    return false
  }
  if (!("error" in data && hasOwn(data, "error"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/error" }]
    return false
  }
  const err1 = validate.errors
  const res1 = ref4(data.error)
  const suberr1 = ref4.errors
  validate.errors = err1
  if (!res1) {
    validate.errors = [errorMerge(suberr1[0], "#/properties/error/$ref", "#/error")]
    return false
  }
  return true
};
const ref2 = function validate(data) {
  validate.errors = null
  const err2 = validate.errors
  const res2 = ref3(data)
  const suberr2 = ref3.errors
  validate.errors = err2
  if (!res2) {
    validate.errors = [errorMerge(suberr2[0], "#/$ref", "#")]
    return false
  }
  return true
};
const stringLength = (string) =>
  /[\uD800-\uDFFF]/.test(string) ? [...string].length : string.length;
const format0 = (input) => {
    if (input.length !== 10) return false
    if (input[5] === '0' && input[6] === '2') {
      if (/^\d\d\d\d-02-(?:[012][1-8]|[12]0|[01]9)$/.test(input)) return true
      const matches = input.match(/^(\d\d\d\d)-02-29$/)
      if (!matches) return false
      const year = matches[1] | 0
      return year % 16 === 0 || (year % 4 === 0 && year % 25 !== 0)
    }
    if (input.endsWith('31')) return /^\d\d\d\d-(?:0[13578]|1[02])-31$/.test(input)
    return /^\d\d\d\d-(?:0[13-9]|1[012])-(?:[012][1-9]|[123]0)$/.test(input)
  };
const ref7 = function validate(data) {
  validate.errors = null
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    validate.errors = [{ keywordLocation: "#/type", instanceLocation: "#" }]
    return false
  }
  if (!("id" in data && hasOwn(data, "id"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/id" }]
    return false
  }
  if (!("object" in data && hasOwn(data, "object"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/object" }]
    return false
  }
  if (!("created" in data && hasOwn(data, "created"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/created" }]
    return false
  }
  if (!("owned_by" in data && hasOwn(data, "owned_by"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/owned_by" }]
    return false
  }
  if (!(typeof data.id === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/id/type", instanceLocation: "#/id" }]
    return false
  }
  if (data.id.length < 1 || stringLength(data.id) < 1) {
    validate.errors = [{ keywordLocation: "#/properties/id/minLength", instanceLocation: "#/id" }]
    return false
  }
  if (!(typeof data.object === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/object/type", instanceLocation: "#/object" }]
    return false
  }
  if (!(data.object === "model")) {
    validate.errors = [{ keywordLocation: "#/properties/object/enum", instanceLocation: "#/object" }]
    return false
  }
  if (!Number.isInteger(data.created)) {
    validate.errors = [{ keywordLocation: "#/properties/created/type", instanceLocation: "#/created" }]
    return false
  }
  if (!(typeof data.owned_by === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/owned_by/type", instanceLocation: "#/owned_by" }]
    return false
  }
  if ("shutdown_date" in data && hasOwn(data, "shutdown_date")) {
    if (!(typeof data.shutdown_date === "string" || data.shutdown_date === null)) {
      validate.errors = [{ keywordLocation: "#/properties/shutdown_date/type", instanceLocation: "#/shutdown_date" }]
      return false
    }
    if (typeof data.shutdown_date === "string") {
      if (!format0(data.shutdown_date)) {
        validate.errors = [{ keywordLocation: "#/properties/shutdown_date/format", instanceLocation: "#/shutdown_date" }]
        return false
      }
    }
  }
  return true
};
const ref6 = function validate(data) {
  validate.errors = null
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    validate.errors = [{ keywordLocation: "#/type", instanceLocation: "#" }]
    return false
  }
  if (!("object" in data && hasOwn(data, "object"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/object" }]
    return false
  }
  if (!("data" in data && hasOwn(data, "data"))) {
    validate.errors = [{ keywordLocation: "#/required", instanceLocation: "#/data" }]
    return false
  }
  if (!(typeof data.object === "string")) {
    validate.errors = [{ keywordLocation: "#/properties/object/type", instanceLocation: "#/object" }]
    return false
  }
  if (!(data.object === "list")) {
    validate.errors = [{ keywordLocation: "#/properties/object/enum", instanceLocation: "#/object" }]
    return false
  }
  if (!Array.isArray(data.data)) {
    validate.errors = [{ keywordLocation: "#/properties/data/type", instanceLocation: "#/data" }]
    return false
  }
  for (let i = 0; i < data.data.length; i++) {
    if (i in data.data && hasOwn(data.data, i)) {
      const err3 = validate.errors
      const res3 = ref7(data.data[i])
      const suberr3 = ref7.errors
      validate.errors = err3
      if (!res3) {
        validate.errors = [errorMerge(suberr3[0], "#/properties/data/items/$ref", "#/data/"+i)]
        return false
      }
    }
  }
  return true
};
const ref5 = function validate(data) {
  validate.errors = null
  const err4 = validate.errors
  const res4 = ref6(data)
  const suberr4 = ref6.errors
  validate.errors = err4
  if (!res4) {
    validate.errors = [errorMerge(suberr4[0], "#/$ref", "#")]
    return false
  }
  return true
};
const ref8 = function validate(data) {
  validate.errors = null
  const err5 = validate.errors
  const res5 = ref7(data)
  const suberr5 = ref7.errors
  validate.errors = err5
  if (!res5) {
    validate.errors = [errorMerge(suberr5[0], "#/$ref", "#")]
    return false
  }
  return true
};
return ([
  ref0,
  ref2,
  ref5,
  ref8
])})();
const article = (type) => (type === 'null' ? 'null' : (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type);

function phrase(keyword, rule) {
  if (keyword === 'type') return 'is not ' + [].concat(rule).map(article).join(' or ');
  if (keyword === 'required') return 'is missing';
  if (keyword === 'enum') return 'is not ' + rule.map((v) => JSON.stringify(v)).join(' or ');
  if (keyword === 'minLength') return rule === 1 ? 'is empty' : 'is shorter than ' + rule + ' characters';
  return 'is not a valid ' + rule; // format: checkKeywords() let no other keyword through
}

// JSON pointer segments (already unescaped) to `body.data[3].created`, and the value found there.
function locate(body, keys) {
  let path = 'body';
  let value = body;
  for (const key of keys) {
    path += Array.isArray(value) ? '[' + key + ']' : /^[A-Za-z_$][\w$]*$/.test(key) ? '.' + key : '[' + JSON.stringify(key) + ']';
    value = value != null && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
  }
  return { path, value };
}

// No property name holds `/` or `~` (checkKeywords()), so no segment needs unescaping.
const pointer = (text) => (text === '' ? [] : text.split('/'));

function error(body, keys, keyword, rule) {
  const { path, value } = locate(body, keys);
  return { path, keyword, message: path + ' ' + phrase(keyword, rule), value };
}

const defs = {"Model":{"type":"object","properties":{"id":{"type":"string","minLength":1},"object":{"type":"string","enum":["model"]},"created":{"type":"integer"},"owned_by":{"type":"string"},"shutdown_date":{"type":["string","null"],"format":"date"}}},"ListModelsResponse":{"type":"object","properties":{"object":{"type":"string","enum":["list"]},"data":{"type":"array","items":{"$ref":"#/$defs/Model"}}}},"DeleteModelResponse":{"type":"object","properties":{"id":{"type":"string"},"object":{"type":"string"},"deleted":{"type":"boolean"}}},"ErrorResponse":{"type":"object","properties":{"error":{"$ref":"#/$defs/Error"}}},"Error":{"type":"object","properties":{"message":{"type":"string"},"type":{"type":"string"},"param":{"type":["string","null"]},"code":{"type":["string","null"]}}}};

function report(root, raw, body) {
  return raw.map(({ keywordLocation, instanceLocation }) => {
    const steps = pointer(keywordLocation.slice(2));
    const keyword = steps.pop();
    let node = { $ref: root };
    for (const step of steps) node = step === '$ref' ? defs[node.$ref.split('/').pop()] : node[step];
    return error(body, pointer(instanceLocation.slice(2)), keyword, node[keyword]);
  });
}

const check = (raw, root) => (body) => (raw(body) ? null : report(root, raw.errors, body));

/** Checks a body against `#/components/schemas/DeleteModelResponse`. */
export const validateDeleteModelResponse: Validator = /* @__PURE__ */ check(rawDeleteModelResponse, 'DeleteModelResponse');
/** Checks a body against `#/components/schemas/ErrorResponse`. */
export const validateErrorResponse: Validator = /* @__PURE__ */ check(rawErrorResponse, 'ErrorResponse');
/** Checks a body against `#/components/schemas/ListModelsResponse`. */
export const validateListModelsResponse: Validator = /* @__PURE__ */ check(rawListModelsResponse, 'ListModelsResponse');
/** Checks a body against `#/components/schemas/Model`. */
export const validateModel: Validator = /* @__PURE__ */ check(rawModel, 'Model');
/** The validators of each operation, by status: every JSON response the spec declares. */
export interface Validators {
  readonly listModels: { readonly '200': Validator; readonly '401': Validator; readonly '429': Validator; readonly '500': Validator };
  readonly retrieveModel: { readonly '200': Validator; readonly '401': Validator; readonly '404': Validator; readonly '429': Validator; readonly '500': Validator };
  readonly deleteModel: { readonly '200': Validator; readonly '401': Validator; readonly '403': Validator; readonly '404': Validator; readonly '429': Validator; readonly '500': Validator };
}

/** `validators.retrieveModel['200'](body)`: by operationId, then status. */
export const validators: Validators = {
  listModels: { '200': validateListModelsResponse, '401': validateErrorResponse, '429': validateErrorResponse, '500': validateErrorResponse },
  retrieveModel: { '200': validateModel, '401': validateErrorResponse, '404': validateErrorResponse, '429': validateErrorResponse, '500': validateErrorResponse },
  deleteModel: { '200': validateDeleteModelResponse, '401': validateErrorResponse, '403': validateErrorResponse, '404': validateErrorResponse, '429': validateErrorResponse, '500': validateErrorResponse },
};
