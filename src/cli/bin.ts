#!/usr/bin/env node
/** The `openai-models` executable; all it does is in main.ts, where tests reach it. */
import { main } from './main.js';

await main(process);
