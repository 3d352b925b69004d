// Every public example case in test/eval/cases-dev.jsonl (vendored from the shared contract), sent through the real HTTP server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { date } from '#domain/dates/plain-date.ts';
import { startServer } from './helpers.ts';

interface EvalCase {
  id: string;
  asOf: string;
  facts: Record<string, unknown>;
  expect: {
    regime?: string | null;
    obligation?: string | string[];
    termEnd?: string;
    applyFrom?: string;
    missingInclude?: string[];
    optionsInclude?: string[];
    optionsExclude?: string[];
  };
  tolerance?: { termEndDays?: number; applyFromDays?: number };
}

const file = fileURLToPath(new URL('./eval/cases-dev.jsonl', import.meta.url));
const cases: EvalCase[] = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const daysBetween = (a: string, b: string) => Math.abs(date(a).until(date(b), { largestUnit: 'days' }).days);

test('the public case file is there and not empty', () => assert.ok(cases.length >= 20));

for (const c of cases) {
  test(`${c.id}: ${c.expect.obligation}`, async () => {
    const res = await server.postJson('/api/v1/assess', { asOf: c.asOf, facts: c.facts });
    assert.equal(res.status, 200);
    const a = await res.json();
    const e = c.expect;
    if ('regime' in e) assert.equal(a.regime, e.regime, 'regime');
    if (e.obligation) {
      const allowed = Array.isArray(e.obligation) ? e.obligation : [e.obligation];
      assert.ok(allowed.includes(a.obligation), `obligation ${a.obligation}, expected ${allowed}`);
    }
    if (e.termEnd)
      assert.ok(
        a.termEnd && daysBetween(a.termEnd, e.termEnd) <= (c.tolerance?.termEndDays ?? 0),
        `termEnd ${a.termEnd}`,
      );
    if (e.applyFrom) {
      assert.ok(
        a.applyFrom && daysBetween(a.applyFrom, e.applyFrom) <= (c.tolerance?.applyFromDays ?? 0),
        `applyFrom ${a.applyFrom}`,
      );
    }
    const optionIds = a.options.map((o: { id: string }) => o.id);
    for (const id of e.optionsInclude ?? [])
      assert.ok(optionIds.includes(id), `option ${id} missing from ${optionIds}`);
    for (const id of e.optionsExclude ?? [])
      assert.ok(!optionIds.includes(id), `option ${id} should not be offered`);
    for (const f of e.missingInclude ?? [])
      assert.ok(a.missing.includes(f), `missing should include ${f}: ${a.missing}`);
    for (const r of a.reasons)
      assert.ok(r.source.url.startsWith('https://') && r.source.law, 'every reason has a legal source');
    for (const o of a.options)
      assert.ok(['DUO', 'municipality', 'IND'].includes(o.decidedBy), 'every option says who decides');
  });
}
