// autocannon's `setupRequest` for bench/http.ts, loaded by each of autocannon's worker threads
// (functions cannot be passed to a worker, a file can). A request's path names a pool
// (`/__pool__/<name>`) in the JSON file BENCH_POOLS; each request sent is one item of that pool,
// picked at random, so connections do not walk the pool in step. Every target, hello-world
// included, goes through this function, so the load generator does the same work for each.
'use strict';
const { readFileSync } = require('node:fs');

let pools;

module.exports = function setupRequest(request) {
  pools ??= JSON.parse(readFileSync(process.env.BENCH_POOLS, 'utf8'));
  const pool = pools[request.path.slice('/__pool__/'.length)];
  if (!pool) throw new Error(`bench/pool-request.cjs: no pool for ${request.path}`);
  const item = pool[Math.floor(Math.random() * pool.length)];
  request.path = item.path;
  if (item.body !== undefined) request.body = item.body;
  return request;
};
