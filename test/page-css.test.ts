/**
 * Each page inlines only the CSS it uses (src/adapters/web/page-css.ts): for every page type, in a
 * left-to-right and a right-to-left language, the policy allows exactly the page's CSS, every
 * class on the page that the site's CSS styles is styled in the page's CSS too, and every custom
 * property the page's CSS reads is still declared. A rule dropped by mistake fails here.
 * (test/e2e/page-css.test.ts compares the computed styles in a browser.)
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildAssets } from '#adapters/web/build-assets.ts';
import { classesOf, requiredClasses } from '#adapters/web/page-css.ts';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';
import { COMPLETE, PAGE_TYPES } from './support/page-types.ts';

const full = buildAssets({ rulesVersion: 'test', locales: [], offlineIndex: () => ({}) }).css;
const styled = new Set<string>();
for (const rule of full.replace(/\{[^{}]*\}/g, '{}').split(/[{}]/))
  for (const selector of rule.split(',')) for (const c of requiredClasses(selector)) styled.add(c);
const declared = (css: string) => new Set([...css.matchAll(/[{;](--[\w-]+):/g)].map((m) => m[1]!));
const fullDeclared = declared(full);

let app: FastifyInstance;
before(async () => {
  app = await buildApp({ today: () => date('2026-03-02') });
});
after(() => app?.close());

for (const lang of ['nl', 'ar']) {
  test(`${lang}: every page inlines the CSS for its classes, and the policy allows exactly it`, async () => {
    for (const path of PAGE_TYPES) {
      const url = `/${lang}${path}`;
      const response = await app.inject({ url });
      assert.match(response.headers['content-type'] as string, /text\/html/, url);
      const html = response.body;
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      assert.equal(styles.length, 1, `${url}: one inline style`);
      const css = styles[0]!;
      assert.ok(css.length < full.length, `${url}: less than the whole CSS`);
      const hash = createHash('sha256').update(css).digest('base64');
      assert.match(
        response.headers['content-security-policy'] as string,
        new RegExp(`style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`),
        `${url}: the policy allows the page's CSS`,
      );
      for (const c of classesOf(html)) {
        if (!styled.has(c)) continue;
        assert.match(css, new RegExp(`\\.${c}(?![\\w-])`), `${url}: .${c} is on the page and has no rule`);
      }
      const here = declared(css);
      for (const m of css.matchAll(/var\(\s*(--[\w-]+)/g)) {
        const name = m[1]!;
        if (fullDeclared.has(name)) assert.ok(here.has(name), `${url}: ${name} is read but not declared`);
      }
    }
  });
}

test('the result page kept in the page cache carries its own policy', async () => {
  const url = `/en/result?${COMPLETE}`;
  const [first, again] = [await app.inject({ url }), await app.inject({ url })];
  assert.equal(again.body, first.body);
  assert.equal(again.headers['content-security-policy'], first.headers['content-security-policy']);
});
