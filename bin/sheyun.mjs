#!/usr/bin/env node
// The `sheyun` command: runs the TypeScript sources directly through tsx (no build step in a clone).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
