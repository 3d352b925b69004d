/** The knowledge base: the index of topics, one answer per page, and search. */
import type { FastifyInstance } from 'fastify';
import { loadSiblings } from '#adapters/content/load-kb.ts';
import { markLiteralNumbers } from '#i18n/isolate.ts';
import type { Locale } from '#i18n/locales.ts';
import { runSearch } from '#search/request.ts';
import { renderMarkdown } from '../markdown.ts';
import { KbIndexPage, KbPage, SearchPage } from '../views/kb.tsx';
import type { PageContext } from '../views/layout.tsx';
import type { WebOptions } from '../web-options.ts';
import type { OfflineBundle } from './offline-bundle.ts';
import type { LangParams, PageKit } from './page-kit.tsx';

export function kbRoutes(app: FastifyInstance, options: WebOptions, kit: PageKit, offline: OfflineBundle) {
  const { send, localeOf, context, notFound } = kit;

  const kbByKey = new Map(options.kb.map((e) => [`${e.topic}/${e.lang}`, e]));
  const siblings = loadSiblings();
  /** The answer in the reader's language; English, then Dutch, where a translation is missing. */
  const kbEntry = (topic: string, locale: Locale) =>
    kbByKey.get(`${topic}/${locale}`) ?? kbByKey.get(`${topic}/en`) ?? kbByKey.get(`${topic}/nl`);

  app.get<LangParams>('/:lang/kb', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const topics = options.kbTopics.flatMap((topic) => {
      const e = kbEntry(topic, locale);
      return e ? [{ topic, title: e.title }] : [];
    });
    const offlineKb = await offline.sizeKbFor(request, locale);
    return send(
      reply,
      <KbIndexPage ctx={context(locale, '/kb')} topics={topics} {...(offlineKb ? { offlineKb } : {})} />,
    );
  });

  app.get<{ Params: { lang: string; topic: string } }>('/:lang/kb/:topic', async (request, reply) => {
    const { topic } = request.params;
    const lang = localeOf(request, reply);
    if (!lang) return;
    const e = kbEntry(topic, lang);
    if (!e) return send(reply, notFound(context(lang, '/')), 404);
    const ctx = {
      ...context(lang, `/kb/${topic}`),
      status: e.lang === lang ? e.status : 'machine-assisted',
    } as PageContext;
    const titled = (ids: readonly string[]) =>
      ids.flatMap((r) => {
        const re = kbEntry(r, lang);
        return re ? [{ topic: r, title: re.title }] : [];
      });
    const siblingIds = siblings[topic] ?? [];
    const siblingLinks = titled(siblingIds);
    const related = titled(e.related.filter((r) => !siblingIds.includes(r)));
    const offlineKb = await offline.sizeKbFor(request, lang);
    return send(
      reply,
      <KbPage
        ctx={ctx}
        {...(offlineKb ? { offlineKb } : {})}
        doc={{
          topic,
          title: e.title,
          // Amounts and phone numbers in the summary drawn in order in Arabic and Farsi (isolate.ts).
          summary: markLiteralNumbers(e.summary),
          answerHtml: renderMarkdown(e.answer, lang),
          terms: Object.entries(e.terms ?? {}),
          sources: e.sources,
          related,
          siblings: siblingLinks,
          check: e.check,
          lastChecked: e.lastChecked,
        }}
      />,
    );
  });

  app.get<LangParams>('/:lang/search', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    const ctx = context(locale, `/search${q ? `?q=${encodeURIComponent(q)}` : ''}`, q);
    if (q) await options.turn?.(); // a search and its page: costly work takes turns (ADR 014)
    const outcome = runSearch(options.search, { q, lang: locale, limit: '8' });
    if (!outcome.ok) {
      const tooLong = outcome.problems.some((p) => p.problem === 'too-long');
      return send(
        reply,
        <SearchPage
          ctx={ctx}
          query={q}
          hits={[]}
          confident={false}
          problem={tooLong ? 'tooLong' : 'empty'}
        />,
        q ? 400 : 200,
      );
    }
    const hits = outcome.response.results.flatMap((r) => {
      const e = kbEntry(r.topic, locale);
      return e
        ? [
            {
              topic: r.topic,
              title: e.title,
              summary: markLiteralNumbers(e.summary),
              url: `/${locale}/kb/${r.topic}`,
            },
          ]
        : [];
    });
    return send(reply, <SearchPage ctx={ctx} query={q} hits={hits} confident={outcome.response.confident} />);
  });
}
