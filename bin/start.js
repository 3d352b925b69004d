#!/usr/bin/env node
// `npm start`: runs the built server (dist/server.js) with plain node, building dist/ first when it
// is missing or older than the sources (scripts/build.js), so `npm ci && npm start` is one command.
import { ensureBuilt } from '../scripts/build.js';

try {
  const dist = await ensureBuilt();
  await import(new URL('server.js', `file://${dist}/`).href);
} catch (error) {
  console.error(`Wegwijs could not start: ${error.message}`);
  process.exit(1);
}
