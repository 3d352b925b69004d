// Property tests (fast-check) over generated facts: ADR 002 (a definite answer does not change when
// an unrelated fact is added), the API's promise (any body validates or gets a 400 naming a field),
// and one engine behind every face (the web check and the API give the same outcome).
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { checkConsistency } from '#domain/facts/consistency.ts';
import { FACT_NAMES, FACT_SCHEMA, type FactName } from '#domain/facts/facts.ts';
import { parseAssessRequest } from '#domain/facts/parse-facts.ts';
import { startServer } from './helpers.ts';

const TODAY = '2026-11-28';
const book = loadRuleBook();

const isoDate = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A valid JSON value for one fact, from the schema. */
function validValue(name: FactName): fc.Arbitrary<unknown> {
  const spec = FACT_SCHEMA[name];
  switch (spec.kind) {
    case 'country':
      return fc.constantFrom('SY', 'ER', 'TR', 'GB', 'NO', 'PL', 'AF', 'stateless', 'US');
    case 'boolean':
      return fc.boolean();
    case 'date':
      return isoDate;
    case 'choice':
      return fc.constantFrom(...spec.values);
    case 'set':
      return fc.subarray([...spec.values]);
    case 'number':
      return spec.integer
        ? fc.integer({ min: spec.min, max: spec.max })
        : fc.constantFrom(0, 1, 4.5, 8, 12, spec.max);
  }
}

/** Valid facts: each fact present or absent. */
const validFacts = fc.record(
  Object.fromEntries(FACT_NAMES.map((n) => [n, validValue(n)])) as Record<FactName, fc.Arbitrary<unknown>>,
  { requiredKeys: [] },
);

/** Anything a caller might send for a fact: valid values, wrong types, nonsense. */
const anyValue = (name: FactName) =>
  fc.oneof(
    validValue(name),
    fc.constantFrom(
      null,
      '',
      'yes',
      -1,
      1e9,
      2.5,
      [],
      {},
      ['havo', 'havo'],
      '2023-02-30',
      '1899-12-31',
      '2101-01-01',
    ),
    fc.string({ maxLength: 12 }),
  );

const anyBody = fc.record(
  {
    asOf: fc.oneof(fc.constant(TODAY), isoDate, fc.string({ maxLength: 10 })),
    facts: fc.record(
      {
        ...(Object.fromEntries(FACT_NAMES.map((n) => [n, anyValue(n)])) as Record<
          string,
          fc.Arbitrary<unknown>
        >),
        unknownFact: fc.constant(1),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Parsed, consistent facts on the reference date (the others are refused before any answer). */
function parseValid(raw: Record<string, unknown>) {
  const parsed = parseAssessRequest({ asOf: TODAY, facts: raw }, date(TODAY));
  return parsed.ok ? parsed : undefined;
}

test('ADR 002: a definite answer stays when a fact that is not in `missing` is added', () => {
  fc.assert(
    fc.property(validFacts, fc.constantFrom(...FACT_NAMES), fc.context(), (raw, extra, ctx) => {
      const base = parseValid(raw);
      if (!base) return true;
      const a = assess(base.facts, base.asOf, book);
      if (a.obligation === 'unknown') return true;
      // "Unrelated": not given yet, and not one the answer says could change or complete it.
      if (base.facts[extra] !== undefined || a.missing.includes(extra)) return true;
      return (
        fc.assert(
          fc.property(validValue(extra), (value) => {
            const more = parseValid({ ...raw, [extra]: value });
            if (!more) return true; // the added fact contradicts the others: refused, not answered
            const b = assess(more.facts, more.asOf, book);
            ctx.log(`${extra}=${JSON.stringify(value)}: ${a.obligation} → ${b.obligation}`);
            return b.obligation === a.obligation;
          }),
          { numRuns: 5 },
        ) === undefined
      );
    }),
    { numRuns: 400, seed: 20261128 },
  );
});

test('every fact set the parser accepts can all be true together', () => {
  fc.assert(
    fc.property(validFacts, (raw) => {
      const parsed = parseValid(raw);
      return !parsed || checkConsistency(parsed.facts, parsed.asOf).length === 0;
    }),
    { numRuns: 300 },
  );
});

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer(TODAY);
});
after(() => server.close());

test('through the HTTP API, any generated body answers 200, or 400 naming fields that were sent', async () => {
  await fc.assert(
    fc.asyncProperty(anyBody, async (body) => {
      const res = await server.postJson('/api/v1/assess', body);
      if (res.status === 200) {
        const a = await res.json();
        return typeof a.obligation === 'string' && Array.isArray(a.missing);
      }
      if (res.status !== 400) return false;
      const e = await res.json();
      if (!Array.isArray(e.fields) || e.fields.length === 0) return false;
      const sent = new Set([...Object.keys(body), ...Object.keys(body.facts ?? {}).map((k) => `facts.${k}`)]);
      return e.fields.every((f: { field: string }) => sent.has(f.field.replace(/\[\d+\]$/, '')));
    }),
    { numRuns: 250, seed: 7 },
  );
});

test('the web check and the API give the same outcome for the same facts', async () => {
  await fc.assert(
    fc.asyncProperty(validFacts, async (raw) => {
      const parsed = parseValid(raw);
      if (!parsed) return true;
      const api = await (await server.postJson('/api/v1/assess', { asOf: TODAY, facts: raw })).json();
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(raw)) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
      // Every surprising answer confirmed, as a person would after "is that right?".
      params.set('ok', FACT_NAMES.join(','));
      const res = await fetch(`${server.base}/en/result?${params}`, { redirect: 'manual' });
      if (res.status !== 200) return false;
      const m = /class="outcome outcome-([a-z-]+)"/.exec(await res.text());
      return m?.[1] === api.obligation;
    }),
    { numRuns: 120, seed: 11 },
  );
});
