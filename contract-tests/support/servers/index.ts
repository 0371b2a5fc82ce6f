/**
 * Emulations of real OpenAI-compatible servers, each answering the Models
 * routes as its sources say (../shared/COMPAT-FACTS.md), one file per
 * server. Iterate `servers` to run a check against every one of them.
 */
import { startDeepSeek } from './deepseek.js';
import { startLiteLLM } from './litellm.js';
import { startLlamaCpp } from './llamacpp.js';
import { startLMStudio } from './lmstudio.js';
import { startLocalAI } from './localai.js';
import { startMockLLM } from './mock-llm.js';
import { startOllama } from './ollama.js';
import { startOpenRouter } from './openrouter.js';
import { startTogether } from './together.js';
import { startVLLM } from './vllm.js';
import type { Entry } from './serve.js';

export type { Emulation, Entry } from './serve.js';

export const servers = {
  ollama: {
    apiKey: 'not-needed',
    start: () => startOllama(),
    description: 'created is the modified time, owned_by the namespace; DELETE is 405',
    source: 'ollama server/routes.go, middleware/openai.go, openai/openai.go',
  },
  'ollama-empty': {
    apiKey: 'not-needed',
    start: () => startOllama({ none: true }),
    description: 'no model installed: {"object":"list","data":null}',
    source: 'ollama middleware/openai_test.go ("list handler empty output")',
  },
  together: {
    apiKey: 'not-needed',
    start: startTogether,
    description: 'the list is a bare JSON array, no envelope',
    source: 'helixml/helix#386',
  },
  lmstudio: {
    apiKey: 'not-needed',
    start: startLMStudio,
    description:
      'no created; an unknown route or method answers HTTP 200 {"error":"Unexpected endpoint or method. (…)"}',
    source: 'lmstudio-bug-tracker #1998, #1988, #618, #1323',
  },
  localai: {
    apiKey: 'sk-localai',
    start: () => startLocalAI({ apiKey: 'sk-localai' }),
    description: 'no created or owned_by; no retrieve route; errors with an integer code',
    source: 'LocalAI core/http/routes/openai.go, endpoints/openai/list.go, auth/middleware.go',
  },
  deepseek: {
    apiKey: 'not-needed',
    start: startDeepSeek,
    description: 'no created',
    source: 'api-docs.deepseek.com',
  },
  openrouter: {
    apiKey: 'not-needed',
    start: startOpenRouter,
    description: 'no object or owned_by in the list; ids with / and :',
    source: 'openrouter.ai API reference',
  },
  vllm: {
    apiKey: 'sk-vllm',
    start: () => startVLLM({ apiKey: 'sk-vllm' }),
    description:
      'no retrieve route (FastAPI {"detail":"Not Found"}); 401 {"error":"Unauthorized"} with --api-key; extra fields',
    source: 'vllm entrypoints/openai/models/api_router.py, api_server.py',
  },
  llamacpp: {
    apiKey: 'sk-llamacpp',
    start: () => startLlamaCpp({ apiKey: 'sk-llamacpp' }),
    description: 'no retrieve route; errors with an integer code; /v1/models public even with --api-key',
    source: 'llama.cpp tools/server/server.cpp, server-http.cpp, server-common.cpp',
  },
  litellm: {
    apiKey: 'sk-litellm-master',
    start: () => startLiteLLM(),
    description:
      'ids with / are 404 even as %2F; FastAPI {"detail":…}; 401 with string param "None" and code "401"; 405 before auth',
    source: 'LiteLLM proxy 1.80.8; PR #13268; issue #37271',
  },
  'mock-llm': {
    apiKey: 'not-needed',
    start: startMockLLM,
    description: 'no created; any retrieve answers with the whole list',
    source: '@dwmkerr/mock-llm 0.1.29',
  },
} as const satisfies Record<string, Entry>;

export type ServerName = keyof typeof servers;
