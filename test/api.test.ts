// The JSON API through the real server: contract shape, field-level 400s for every kind of bad input, never a 500.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2026-11-28');
});
after(() => server.close());

async function badRequest(body: unknown, headers?: Record<string, string>) {
  const res = headers
    ? await fetch(`${server.base}/api/v1/assess`, { method: 'POST', headers, body: body as string })
    : await server.postJson('/api/v1/assess', body);
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const json = await res.json();
  assert.ok(typeof json.message === 'string' && json.message.length > 5, 'a clear message');
  assert.ok(!/at \w+ \(|node_modules|\.ts:\d+/.test(JSON.stringify(json)), 'no stack trace');
  return json.fields.map((f: { field: string }) => f.field) as string[];
}

test('GET /healthz answers 200 when ready', async () => {
  const res = await fetch(`${server.base}/healthz`);
  assert.equal(res.status, 200);
  assert.match((await res.json()).rulesVersion, /^rules-[0-9a-f]{12}$/);
});

test('an empty request is an answer: unknown, with the facts to ask first', async () => {
  const res = await server.postJson('/api/v1/assess', {});
  assert.equal(res.status, 200);
  const a = await res.json();
  assert.equal(a.obligation, 'unknown');
  assert.equal(a.asOf, '2026-11-28', 'asOf defaults to today in Europe/Amsterdam');
  assert.deepEqual(a.missing.slice(0, 2), ['nationality', 'permitPurpose']);
  for (const key of ['regime', 'termStart', 'termEnd', 'applyFrom', 'options', 'reasons', 'rulesVersion'])
    assert.ok(key in a, key);
});

test('a complete Wi2021 case has the contract fields, dated and sourced', async () => {
  const res = await server.postJson('/api/v1/assess', {
    asOf: '2025-11-20',
    facts: {
      nationality: 'ER',
      familyOfEeaCitizen: false,
      birthDate: '1996-12-12',
      permitPurpose: 'asylum',
      permitDate: '2022-11-02',
      schoolYearsInNL: 0,
      diplomas: [],
      hasIntegrationDiploma: false,
      pipDate: '2023-03-14',
      circumstances: ['birth'],
    },
  });
  const a = await res.json();
  assert.equal(a.regime, 'wi2021');
  assert.equal(a.termStart, '2023-03-15');
  assert.equal(a.termEnd, '2026-03-14');
  assert.equal(a.applyFrom, '2025-09-15');
  const birth = a.options.find((o: { id: string }) => o.id === 'extension-birth');
  assert.deepEqual(birth.extraTime, { weeks: 16 });
  assert.equal(birth.decidedBy, 'DUO');
  assert.equal(birth.form, 'Aanvraag verlenging inburgeringstermijn bij geboorte kind');
  assert.ok(birth.evidence.length > 0);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.ok(!('whatWouldChange' in a), 'what would change is made only when asked for');
});

const OBLIGED = {
  asOf: '2025-11-20',
  facts: {
    nationality: 'ER',
    birthDate: '1996-12-12',
    permitPurpose: 'asylum',
    permitDate: '2022-11-02',
    familyOfEeaCitizen: false,
    hasIntegrationDiploma: false,
    diplomas: [],
    schoolYearsInNL: 0,
    pipDate: '2023-03-14',
  },
};

test('?include=whatWouldChange adds what would change the answer, after the assessment unchanged', async () => {
  const plain = await (await server.postJson('/api/v1/assess', OBLIGED)).json();
  const res = await server.postJson('/api/v1/assess?include=whatWouldChange', OBLIGED);
  assert.equal(res.status, 200);
  const { whatWouldChange, ...rest } = await res.json();
  assert.deepEqual(rest, plain);
  assert.deepEqual(
    whatWouldChange.map((c: { id: string }) => c.id),
    ['dutch-diploma', 'integration-diploma', 'medical-limitation', 'b1-route-hours'],
  );
  const diploma = whatWouldChange[0];
  assert.equal(diploma.obligation, 'exempt');
});

test('an assessment over 1 KB comes compressed as the client asks (JSON at the cheap levels), the same JSON', async () => {
  const plain = await (await server.postJson('/api/v1/assess', OBLIGED)).text();
  assert.ok(plain.length > 1024);
  for (const encoding of ['br', 'gzip']) {
    const res = await fetch(`${server.base}/api/v1/assess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
      body: JSON.stringify(OBLIGED),
    });
    assert.equal(res.headers.get('content-encoding'), encoding);
    assert.ok(
      Number(res.headers.get('content-length')) < plain.length / 2,
      `${encoding}: at least 2× smaller`,
    );
    assert.equal(await res.text(), plain);
  }
});

test('include with an unknown part answers 400 naming include (and the body problems with it)', async () => {
  const res = await server.postJson('/api/v1/assess?include=whatWouldChang', OBLIGED);
  assert.equal(res.status, 400);
  assert.deepEqual(
    (await res.json()).fields.map((f: { field: string }) => f.field),
    ['include'],
  );
  const both = await server.postJson('/api/v1/assess?include=all', { facts: { birthDate: 'x' } });
  assert.deepEqual(
    (await both.json()).fields.map((f: { field: string }) => f.field),
    ['facts.birthDate', 'include'],
  );
});

test('wrong types are named field by field', async () => {
  const fields = await badRequest({
    facts: { nationality: 12, familyOfEeaCitizen: 'yes', schoolYearsInNL: '8', diplomas: 'havo' },
  });
  assert.deepEqual(fields.sort(), [
    'facts.diplomas',
    'facts.familyOfEeaCitizen',
    'facts.nationality',
    'facts.schoolYearsInNL',
  ]);
});

test('unknown enum values and unknown fields are named', async () => {
  const fields = await badRequest({
    asof: '2026-01-01',
    facts: {
      permitPurpose: 'holiday',
      diplomas: ['havo', 'phd'],
      circumstances: ['birth', 'birth'],
      route: 'c1',
      nationalty: 'SY',
      nationality: 'XX',
    },
  });
  assert.deepEqual(fields.sort(), [
    'asof',
    'facts.circumstances[1]',
    'facts.diplomas[1]',
    'facts.nationality',
    'facts.nationalty',
    'facts.permitPurpose',
    'facts.route',
  ]);
});

test('impossible dates are refused, not rolled over', async () => {
  for (const bad of [
    '2023-02-30',
    '2023-13-01',
    '2021-02-29',
    '23-01-2023',
    '2023-1-5',
    '2023-01-01T10:00:00Z',
  ]) {
    assert.deepEqual(await badRequest({ facts: { permitDate: bad } }), ['facts.permitDate'], bad);
  }
  assert.deepEqual(await badRequest({ asOf: '2026-02-29' }), ['asOf']);
});

test('a birth date in the future and dates before the birth are refused', async () => {
  assert.deepEqual(await badRequest({ asOf: '2026-11-28', facts: { birthDate: '2026-11-29' } }), [
    'facts.birthDate',
  ]);
  // An impossible order names every field involved.
  assert.deepEqual(await badRequest({ facts: { birthDate: '1990-05-01', permitDate: '1989-01-01' } }), [
    'facts.birthDate',
    'facts.permitDate',
  ]);
});

test('numbers out of range are refused', async () => {
  assert.deepEqual(
    await badRequest({ facts: { examAttempts: 2.5, courseHours: -1 } }).then((f) => f.sort()),
    ['facts.courseHours', 'facts.examAttempts'],
  );
});

test('invalid JSON, a non-object body and a 1 MB body get a clear 400 naming the body', async () => {
  assert.deepEqual(await badRequest('{"facts": {', { 'content-type': 'application/json' }), ['body']);
  assert.deepEqual(await badRequest([1, 2]), ['body']);
  assert.deepEqual(await badRequest('null', { 'content-type': 'application/json' }), ['body']);
  const huge = JSON.stringify({ facts: { nationality: 'SY' }, padding: 'x'.repeat(1024 * 1024) });
  assert.deepEqual(await badRequest(huge, { 'content-type': 'application/json' }), ['body']);
  assert.deepEqual(
    await badRequest('nationality=SY', { 'content-type': 'application/x-www-form-urlencoded' }),
    ['body'],
  );
});

test('null means unknown, like an absent fact', async () => {
  const res = await server.postJson('/api/v1/assess', { facts: { nationality: null, permitPurpose: null } });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).obligation, 'unknown');
});

test('the OpenAPI document describes the assess endpoint', async () => {
  const doc = await (await fetch(`${server.base}/api/v1/openapi.json`)).json();
  assert.equal(doc.openapi, '3.1.0');
  const post = doc.paths['/api/v1/assess'].post;
  assert.ok(post.requestBody.content['application/json'].schema.properties.facts.properties.pipDate);
  assert.ok(post.responses['400']);
});

test('unknown routes answer 404 as JSON, not a stack trace', async () => {
  const res = await fetch(`${server.base}/api/v1/nope`);
  assert.equal(res.status, 404);
});
