#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (installed at the repository root); no build step needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
