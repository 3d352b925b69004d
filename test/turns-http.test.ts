/**
 * Costly work takes turns (src/app/turns.ts): in the real app, /healthz is answered while many
 * result pages that were never made before wait to be made, not after all of them.
 * (Through app.inject: a client in the same process as the server would send its requests one
 * by one and never build up the queue that a real load does; `npm run bench:http` measures that.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp({ today: () => date('2026-11-28') });
});
after(() => app?.close());

const resultUrl = (i: number) => {
  const birth = new Date(Date.UTC(1980, 0, 1 + i)).toISOString().slice(0, 10);
  return (
    `/nl/result?nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=${birth}` +
    '&permitDate=2023-03-01&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10' +
    '&medicalLimitation=false&circumstances=birth&courseHours=300&examAttempts=1'
  );
};

test('/healthz passes between result pages being made, instead of waiting for all of them', async () => {
  await app.inject(resultUrl(1000)); // warm: the first page loads what every page shares
  const done: string[] = [];
  const pages = Array.from({ length: 80 }, async (_, i) => {
    const res = await app.inject(resultUrl(i));
    assert.equal(res.statusCode, 200);
    done.push('page');
  });
  const health = (async () => {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    done.push('healthz');
  })();
  await Promise.all([...pages, health]);
  const pagesFirst = done.indexOf('healthz');
  assert.ok(pagesFirst < 20, `/healthz answered after ${pagesFirst} of 80 pages`);
});
