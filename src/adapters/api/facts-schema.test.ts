// One facts schema: the OpenAPI request, the questions and the parsers all derive from FACT_SCHEMA.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Value } from 'typebox/value';
import { date } from '#domain/dates/plain-date.ts';
import { FACT_NAMES, FACT_PRIORITY, FACT_SCHEMA } from '#domain/facts/facts.ts';
import { parseAssessRequest } from '#domain/facts/parse-facts.ts';
import { QUESTION_BY_FACT } from '#domain/questionnaire/questions.ts';
import { FactsSchema } from './facts-schema.ts';
import { openApiDocument } from './openapi.ts';

const TODAY = date('2026-11-28');

test('FACT_PRIORITY orders every fact of the schema exactly once', () => {
  assert.deepEqual([...FACT_PRIORITY].sort(), [...FACT_NAMES].sort());
});

test('the OpenAPI request body is the generated schema, limits and enums included', () => {
  const body = openApiDocument.paths['/api/v1/assess'].post.requestBody.content['application/json'].schema;
  const facts = (
    body.properties as unknown as Record<string, { properties: Record<string, Record<string, unknown>> }>
  ).facts!.properties;
  assert.deepEqual(Object.keys(facts).sort(), [...FACT_NAMES].sort());
  assert.equal(facts.schoolYearsInNL!.maximum, 20);
  assert.equal(facts.courseHours!.maximum, 20000);
  assert.equal(facts.examAttempts!.type, 'integer');
  assert.equal(facts.birthDate!.formatMinimum, '1900-01-01');
  assert.equal(facts.birthDate!.formatMaximum, '2100-12-31');
  assert.deepEqual((facts.diplomas!.items as { enum: string[] }).enum, FACT_SCHEMA.diplomas.values);
  assert.equal(facts.diplomas!.uniqueItems, true);
});

test('every question takes its type, options and limits from the schema', () => {
  for (const name of FACT_NAMES) {
    const q = QUESTION_BY_FACT.get(name)!;
    const spec = FACT_SCHEMA[name];
    assert.equal(q.dontKnow, spec.dontKnow, name);
    if ('values' in spec) assert.deepEqual(q.options, spec.values, name);
    if (spec.kind === 'number')
      assert.deepEqual([q.min, q.max, q.integer ?? false], [spec.min, spec.max, spec.integer]);
  }
});

test('what the request parser accepts, the TypeBox schema accepts; what TypeBox refuses, the parser refuses', () => {
  const samples: Record<string, unknown[]> = {
    nationality: ['SY', 'sy', 'stateless', 'STATELESS', 'XX', 'SYR', 12, ''],
    familyOfEeaCitizen: [true, false, 'yes', 0],
    birthDate: ['1990-01-01', '1899-12-31', '2101-01-01', '1990-02-30', '01-01-1990', 19900101],
    permitPurpose: ['asylum', 'holiday', 1],
    schoolYearsInNL: [0, 8.5, 20, 21, -1, '8'],
    examAttempts: [0, 4, 2.5, 101],
    diplomas: [[], ['havo'], ['havo', 'havo'], ['phd'], 'havo'],
    route: ['b1', 'c1'],
  };
  for (const [name, values] of Object.entries(samples)) {
    for (const v of values) {
      const facts = { [name]: v };
      const parsed = parseAssessRequest({ facts }, TODAY).ok;
      const typebox = Value.Check(FactsSchema, facts);
      if (parsed) assert.ok(typebox, `${name}=${JSON.stringify(v)}: parser accepts, TypeBox refuses`);
      if (!typebox) assert.ok(!parsed, `${name}=${JSON.stringify(v)}: TypeBox refuses, parser accepts`);
    }
  }
});
