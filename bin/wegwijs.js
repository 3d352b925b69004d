#!/usr/bin/env node
// The `wegwijs` command: runs the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api';

register();
await import('../src/app/cli.ts');
