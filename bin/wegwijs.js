#!/usr/bin/env node
// The `wegwijs` command: runs the built CLI (dist/cli.js) with plain node, building dist/ first when
// it is missing or older than the sources (scripts/build.js).
import { ensureBuilt } from '../scripts/build.js';

try {
  const dist = await ensureBuilt();
  await import(new URL('cli.js', `file://${dist}/`).href);
} catch (error) {
  console.error(`wegwijs: ${error.message}`);
  process.exit(1);
}
