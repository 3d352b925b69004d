/** Every reason, option and step on the result page names its source once, as the link, in every language. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { catalog } from '#adapters/content/load-messages.ts';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { LANGUAGES } from '#languages/languages.ts';

let app: FastifyInstance;
before(async () => {
  app = await buildApp({ today: () => date('2026-11-28') });
});
after(() => app?.close());

const QUERY =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false' +
  '&circumstances=birth&courseHours=300&examAttempts=1';

test('a source is said once: its own words are the link (no "Source: Source:")', async () => {
  for (const lang of LANGUAGES) {
    const res = await app.inject(`/${lang}/result?${QUERY}`);
    assert.equal(res.statusCode, 200, lang);
    const sources = [...res.body.matchAll(/<p class="source">(.*?)<\/p>/gs)].map((m) => m[1]!);
    assert.ok(sources.length >= 3, `${lang}: sources shown`);
    const label = String(catalog(lang)['ui.result.source']);
    for (const html of sources) {
      assert.match(
        html,
        /^<a href="https:\/\/[^"]+" rel="noreferrer">[^<]*(<bdi( dir="(ltr|rtl)")?>[^<]*<\/bdi>[^<]*)*<\/a>$/,
        `${lang}: ${html}`,
      );
      const text = html.replace(/<[^>]+>/g, '');
      assert.ok(
        !text.startsWith(`${label}: ${label}`) && !text.startsWith(`${label}${label}`),
        `${lang}: ${text}`,
      );
    }
  }
});
