import { defineConfig } from 'vitest/config';
import { unit } from './vitest.config.js';

// Stryker runs the unit suite alone: the contract and docs suites spawn
// processes (Prism, the CLI, Chromium) whose code Stryker cannot see.
export default defineConfig({ test: unit });
