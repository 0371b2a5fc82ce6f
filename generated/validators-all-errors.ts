// @ts-nocheck: compiled code, typed by the annotations of its exports.
// Generated from spec/openapi.yaml by scripts/generate-validators.ts (every error); do not edit: run `npm run generate`.
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
  let errorCount = 0
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push({ keywordLocation: "#/type", instanceLocation: "#" })
    errorCount++
  }
  else {
    if (!("id" in data && hasOwn(data, "id"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/id" })
      errorCount++
    }
    if (!("object" in data && hasOwn(data, "object"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/object" })
      errorCount++
    }
    if (!("deleted" in data && hasOwn(data, "deleted"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/deleted" })
      errorCount++
    }
    if ("id" in data && hasOwn(data, "id")) {
      if (!(typeof data.id === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/id/type", instanceLocation: "#/id" })
        errorCount++
      }
    }
    if ("object" in data && hasOwn(data, "object")) {
      if (!(typeof data.object === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/object/type", instanceLocation: "#/object" })
        errorCount++
      }
    }
    if ("deleted" in data && hasOwn(data, "deleted")) {
      if (!(typeof data.deleted === "boolean")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/deleted/type", instanceLocation: "#/deleted" })
        errorCount++
      }
    }
  }
  return errorCount === 0
};
const errorMerge = ({ keywordLocation, instanceLocation }, schemaBase, dataBase) => ({
  keywordLocation: `${schemaBase}${keywordLocation.slice(1)}`,
  instanceLocation: `${dataBase}${instanceLocation.slice(1)}`,
});
const ref0 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  const err0 = validate.errors
  const res0 = ref1(data)
  const suberr0 = ref1.errors
  validate.errors = err0
  if (!res0) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push(...suberr0.map(e => errorMerge(e, "#/$ref", "#")))
    errorCount++
  }
  return errorCount === 0
};
const ref4 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push({ keywordLocation: "#/type", instanceLocation: "#" })
    errorCount++
  }
  else {
    if (!("message" in data && hasOwn(data, "message"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/message" })
      errorCount++
    }
    if (!("type" in data && hasOwn(data, "type"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/type" })
      errorCount++
    }
    if (!("param" in data && hasOwn(data, "param"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/param" })
      errorCount++
    }
    if (!("code" in data && hasOwn(data, "code"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/code" })
      errorCount++
    }
    if ("message" in data && hasOwn(data, "message")) {
      if (!(typeof data.message === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/message/type", instanceLocation: "#/message" })
        errorCount++
      }
    }
    if ("type" in data && hasOwn(data, "type")) {
      if (!(typeof data.type === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/type/type", instanceLocation: "#/type" })
        errorCount++
      }
    }
    if ("param" in data && hasOwn(data, "param")) {
      if (!(typeof data.param === "string" || data.param === null)) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/param/type", instanceLocation: "#/param" })
        errorCount++
      }
    }
    if ("code" in data && hasOwn(data, "code")) {
      if (!(typeof data.code === "string" || data.code === null)) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/code/type", instanceLocation: "#/code" })
        errorCount++
      }
    }
  }
  return errorCount === 0
};
const ref3 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push({ keywordLocation: "#/type", instanceLocation: "#" })
    errorCount++
  }
  else {
    if (!("error" in data && hasOwn(data, "error"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/error" })
      errorCount++
    }
    if ("error" in data && hasOwn(data, "error")) {
      const err1 = validate.errors
      const res1 = ref4(data.error)
      const suberr1 = ref4.errors
      validate.errors = err1
      if (!res1) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push(...suberr1.map(e => errorMerge(e, "#/properties/error/$ref", "#/error")))
        errorCount++
      }
    }
  }
  return errorCount === 0
};
const ref2 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  const err2 = validate.errors
  const res2 = ref3(data)
  const suberr2 = ref3.errors
  validate.errors = err2
  if (!res2) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push(...suberr2.map(e => errorMerge(e, "#/$ref", "#")))
    errorCount++
  }
  return errorCount === 0
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
  let errorCount = 0
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push({ keywordLocation: "#/type", instanceLocation: "#" })
    errorCount++
  }
  else {
    if (!("id" in data && hasOwn(data, "id"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/id" })
      errorCount++
    }
    if (!("object" in data && hasOwn(data, "object"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/object" })
      errorCount++
    }
    if (!("created" in data && hasOwn(data, "created"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/created" })
      errorCount++
    }
    if (!("owned_by" in data && hasOwn(data, "owned_by"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/owned_by" })
      errorCount++
    }
    if ("id" in data && hasOwn(data, "id")) {
      if (!(typeof data.id === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/id/type", instanceLocation: "#/id" })
        errorCount++
      }
      else {
        if (data.id.length < 1 || stringLength(data.id) < 1) {
          if (validate.errors === null) validate.errors = []
          validate.errors.push({ keywordLocation: "#/properties/id/minLength", instanceLocation: "#/id" })
          errorCount++
        }
      }
    }
    if ("object" in data && hasOwn(data, "object")) {
      if (!(typeof data.object === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/object/type", instanceLocation: "#/object" })
        errorCount++
      }
      else {
        if (!(data.object === "model")) {
          if (validate.errors === null) validate.errors = []
          validate.errors.push({ keywordLocation: "#/properties/object/enum", instanceLocation: "#/object" })
          errorCount++
        }
      }
    }
    if ("created" in data && hasOwn(data, "created")) {
      if (!Number.isInteger(data.created)) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/created/type", instanceLocation: "#/created" })
        errorCount++
      }
    }
    if ("owned_by" in data && hasOwn(data, "owned_by")) {
      if (!(typeof data.owned_by === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/owned_by/type", instanceLocation: "#/owned_by" })
        errorCount++
      }
    }
    if ("shutdown_date" in data && hasOwn(data, "shutdown_date")) {
      if (!(typeof data.shutdown_date === "string" || data.shutdown_date === null)) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/shutdown_date/type", instanceLocation: "#/shutdown_date" })
        errorCount++
      }
      else {
        const prev0 = errorCount
        if (typeof data.shutdown_date === "string") {
          if (errorCount === prev0) {
            if (!format0(data.shutdown_date)) {
              if (validate.errors === null) validate.errors = []
              validate.errors.push({ keywordLocation: "#/properties/shutdown_date/format", instanceLocation: "#/shutdown_date" })
              errorCount++
            }
          }
        }
      }
    }
  }
  return errorCount === 0
};
const ref6 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  if (!(typeof data === "object" && data && !Array.isArray(data))) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push({ keywordLocation: "#/type", instanceLocation: "#" })
    errorCount++
  }
  else {
    if (!("object" in data && hasOwn(data, "object"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/object" })
      errorCount++
    }
    if (!("data" in data && hasOwn(data, "data"))) {
      if (validate.errors === null) validate.errors = []
      validate.errors.push({ keywordLocation: "#/required", instanceLocation: "#/data" })
      errorCount++
    }
    if ("object" in data && hasOwn(data, "object")) {
      if (!(typeof data.object === "string")) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/object/type", instanceLocation: "#/object" })
        errorCount++
      }
      else {
        if (!(data.object === "list")) {
          if (validate.errors === null) validate.errors = []
          validate.errors.push({ keywordLocation: "#/properties/object/enum", instanceLocation: "#/object" })
          errorCount++
        }
      }
    }
    if ("data" in data && hasOwn(data, "data")) {
      if (!Array.isArray(data.data)) {
        if (validate.errors === null) validate.errors = []
        validate.errors.push({ keywordLocation: "#/properties/data/type", instanceLocation: "#/data" })
        errorCount++
      }
      else {
        for (let i = 0; i < data.data.length; i++) {
          if (i in data.data && hasOwn(data.data, i)) {
            const err3 = validate.errors
            const res3 = ref7(data.data[i])
            const suberr3 = ref7.errors
            validate.errors = err3
            if (!res3) {
              if (validate.errors === null) validate.errors = []
              validate.errors.push(...suberr3.map(e => errorMerge(e, "#/properties/data/items/$ref", "#/data/"+i)))
              errorCount++
            }
          }
        }
      }
    }
  }
  return errorCount === 0
};
const ref5 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  const err4 = validate.errors
  const res4 = ref6(data)
  const suberr4 = ref6.errors
  validate.errors = err4
  if (!res4) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push(...suberr4.map(e => errorMerge(e, "#/$ref", "#")))
    errorCount++
  }
  return errorCount === 0
};
const ref8 = function validate(data) {
  validate.errors = null
  let errorCount = 0
  const err5 = validate.errors
  const res5 = ref7(data)
  const suberr5 = ref7.errors
  validate.errors = err5
  if (!res5) {
    if (validate.errors === null) validate.errors = []
    validate.errors.push(...suberr5.map(e => errorMerge(e, "#/$ref", "#")))
    errorCount++
  }
  return errorCount === 0
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
