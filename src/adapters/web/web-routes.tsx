/**
 * The web pages: start, the guided check (one question per page), summary, result (with PDF and
 * calendar file), help. Server-rendered HTML that works without JavaScript; the state is in the
 * URL; no cookies; strict security headers.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Temporal } from 'temporal-polyfill';
import type { Contacts } from '#adapters/content/load-contacts.ts';
import type { KbEntry } from '#adapters/content/load-kb.ts';
import { catalogStatus, translator } from '#adapters/content/load-messages.ts';
import { assess } from '#domain/assess.ts';
import { date, type PlainDate } from '#domain/dates/plain-date.ts';
import { ISO_COUNTRIES } from '#domain/facts/countries.ts';
import type { FactName, Facts } from '#domain/facts/facts.ts';
import { nextQuestion, progress } from '#domain/questionnaire/next-question.ts';
import { QUESTION_BY_FACT, type Question } from '#domain/questionnaire/questions.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import { runSearch } from '#domain/search/request.ts';
import type { SearchIndex } from '#domain/search/search-index.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';
import { describeAssessment } from '#i18n/describe-assessment.ts';
import { optionKey } from '#i18n/labels.ts';
import { isLocale, type Locale } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';
import { type Assets, buildAssets, contentSecurityPolicy, offlineSearchScript } from './assets.ts';
import { calendar } from './ics.ts';
import { renderMarkdown } from './markdown.ts';
import type { PdfRenderer } from './render-pdf.ts';
import { answerFromForm, type CheckState, type Query, readState, stateFields, writeState } from './state.ts';
import { HelpPage, type Now } from './views/help.tsx';
import { KbIndexPage, KbPage, OfflinePage, SearchPage } from './views/kb.tsx';
import type { PageContext } from './views/layout.tsx';
import { Page } from './views/layout.tsx';
import { QuestionPage } from './views/question.tsx';
import { ResultPage } from './views/result.tsx';
import { StartPage } from './views/start.tsx';
import { SummaryPage, type SummaryRow } from './views/summary.tsx';

export interface WebOptions {
  book: RuleBook;
  contacts: Contacts;
  today: () => PlainDate;
  /** Local time in the Netherlands as HH:MM, for "open now". */
  nowTime: () => string;
  pdf: PdfRenderer;
  /** Knowledge-base topic ids in their reading order, and the answers in every language. */
  kbTopics: readonly string[];
  kb: readonly KbEntry[];
  search: SearchIndex;
}

type LangParams = { Params: { lang: string }; Querystring: Query };

export async function webRoutes(app: FastifyInstance, options: WebOptions) {
  const { book, contacts } = options;
  const assets: Assets = buildAssets();
  const csp = contentSecurityPolicy(assets);
  const rulesChecked = Object.values(book.sources)
    .map((s) => date(s.lastChecked))
    .reduce((a, b) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b));

  const context = (locale: Locale, path: string, query?: string): PageContext => ({
    t: translator(locale),
    locale,
    path,
    status: catalogStatus(locale),
    css: assets.css,
    rulesVersion: book.version,
    rulesChecked,
    ...(query ? { query } : {}),
  });

  const send = (reply: FastifyReply, page: VNode, status = 200) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .send(`<!doctype html>${renderToString(page)}`);

  const localeOf = (request: FastifyRequest<LangParams>, reply: FastifyReply): Locale | undefined => {
    const { lang } = request.params;
    if (isLocale(lang)) return lang;
    void send(reply, notFound(context('en', '/')), 404);
    return undefined;
  };

  const notFound = (ctx: PageContext) => (
    <Page ctx={ctx} title={ctx.t.t('ui.notFound.title')}>
      <h1>{ctx.t.t('ui.notFound.title')}</h1>
      <p>{ctx.t.t('ui.notFound.text')}</p>
      <p>
        <a href={`/${ctx.locale}/`}>{ctx.t.t('ui.home')}</a>
      </p>
    </Page>
  );

  const now = (): Now => ({ date: options.today(), time: options.nowTime() });

  app.get('/', async (request, reply) => {
    const preferred = String(request.headers['accept-language'] ?? '')
      .split(',')
      .map((p) => p.trim().slice(0, 2).toLowerCase())
      .find(isLocale);
    return reply.redirect(`/${preferred ?? 'nl'}/`, 302);
  });

  app.get('/assets/app.js', async (request, reply) => {
    if (request.headers['if-none-match'] === assets.appJsEtag) return reply.code(304).send();
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('etag', assets.appJsEtag)
      .send(assets.appJs);
  });

  const swSource = readFileSync(new URL('./assets/sw.js', import.meta.url), 'utf8').replace(
    '__VERSION__',
    `${book.version}-${assets.appJsEtag.slice(1, 9)}`,
  );
  app.get('/sw.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/')
      .send(swSource),
  );

  app.get('/assets/offline-search.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(offlineSearchScript()),
  );

  // The search index as JSON, for offline search in the browser (built once, on first request).
  let indexJson: string | undefined;
  app.get<LangParams>('/:lang/search-index.json', async (request, reply) => {
    if (!localeOf(request, reply)) return;
    indexJson ??= JSON.stringify(options.search.toJSON());
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexJson);
  });

  // No icon yet; answer "no content" rather than a 404 in every browser console.
  app.get('/favicon.ico', async (_request, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send(),
  );

  app.get('/manifest.webmanifest', async (_request, reply) =>
    reply.header('content-type', 'application/manifest+json').send({
      name: 'Wegwijs',
      short_name: 'Wegwijs',
      start_url: '/',
      display: 'browser',
      background_color: '#ffffff',
      theme_color: '#154273',
      icons: [],
    }),
  );

  app.get<LangParams>('/:lang/offline', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return send(reply, <OfflinePage ctx={context(locale, '/offline')} />);
  });

  /** What the service worker keeps for one language: public pages only, never a URL with answers. */
  app.get<LangParams>('/:lang/offline.json', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const urls = [
      `/${locale}/`,
      `/${locale}/check`,
      `/${locale}/help`,
      `/${locale}/offline`,
      `/${locale}/kb`,
      ...options.kbTopics.map((topic) => `/${locale}/kb/${topic}`),
      `/${locale}/search-index.json`,
      '/assets/app.js',
      '/assets/offline-search.js',
    ];
    return reply.header('cache-control', 'no-cache').send({ urls });
  });

  const kbByKey = new Map(options.kb.map((e) => [`${e.topic}/${e.lang}`, e]));
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
    return send(reply, <KbIndexPage ctx={context(locale, '/kb')} topics={topics} />);
  });

  app.get<{ Params: { lang: string; topic: string } }>('/:lang/kb/:topic', async (request, reply) => {
    const { lang, topic } = request.params;
    if (!isLocale(lang)) return send(reply, notFound(context('en', '/')), 404);
    const e = kbEntry(topic, lang);
    if (!e) return send(reply, notFound(context(lang, '/')), 404);
    const ctx = {
      ...context(lang, `/kb/${topic}`),
      status: e.lang === lang ? e.status : 'machine-assisted',
    } as PageContext;
    const related = e.related.flatMap((r) => {
      const re = kbEntry(r, lang);
      return re ? [{ topic: r, title: re.title }] : [];
    });
    return send(
      reply,
      <KbPage
        ctx={ctx}
        doc={{
          topic,
          title: e.title,
          summary: e.summary,
          answerHtml: renderMarkdown(e.answer, lang),
          terms: Object.entries(e.terms ?? {}),
          sources: e.sources,
          related,
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
        ? [{ topic: r.topic, title: e.title, summary: e.summary, url: `/${locale}/kb/${r.topic}` }]
        : [];
    });
    return send(reply, <SearchPage ctx={ctx} query={q} hits={hits} confident={outcome.response.confident} />);
  });

  app.get<LangParams>('/:lang/', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return send(reply, <StartPage ctx={context(locale, '/')} />);
  });
  app.get<LangParams>('/:lang', async (request, reply) => reply.redirect(`/${request.params.lang}/`, 301));

  app.get<LangParams>('/:lang/help', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return send(reply, <HelpPage ctx={context(locale, '/help')} contacts={contacts} now={now()} />);
  });

  app.get<LangParams>('/:lang/check', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const query = request.query;
    const state = readState(query);
    const ctx = (s: CheckState, extra: Record<string, string> = {}) =>
      context(locale, `/check${writeState(s, extra)}`);

    // An answer arrives: validate it, then redirect to the clean URL of the new state.
    const answered = QUESTION_BY_FACT.get(String(query.q) as FactName);
    if (answered) {
      const answer = answerFromForm(answered, query);
      if (answer.kind === 'none' || answer.kind === 'invalid') {
        return send(
          reply,
          renderQuestion(ctx(state), state, answered, answer.kind === 'none' ? 'required' : 'invalid'),
          400,
        );
      }
      if (answer.kind === 'dont-know') {
        delete (state.facts as Record<string, unknown>)[answered.fact];
        state.dontKnow.add(answered.fact);
      } else {
        (state.facts as Record<string, unknown>)[answered.fact] = answer.value;
        state.dontKnow.delete(answered.fact);
      }
      return reply.redirect(`/${locale}/check${writeState(state)}`, 303);
    }

    const edit = QUESTION_BY_FACT.get(String(query.edit) as FactName);
    if (edit) return send(reply, renderQuestion(ctx(state, { edit: edit.fact }), state, edit));

    const a = assess(state.facts, options.today(), book);
    const q = nextQuestion(a, state.dontKnow);
    if (!q) return reply.redirect(`/${locale}/result${writeState(state)}`, 303);
    return send(reply, renderQuestion(ctx(state), state, q));
  });

  function renderQuestion(ctx: PageContext, state: CheckState, q: Question, error?: 'required' | 'invalid') {
    const a = assess(state.facts, options.today(), book);
    const order = askedOrder(state, options.today(), book);
    const answeredBefore = order.indexOf(q.fact) >= 0 ? order.indexOf(q.fact) : order.length;
    const p = progress(answeredBefore, a, state.dontKnow);
    const previous = order[answeredBefore - 1];
    const value = state.facts[q.fact];
    return (
      <QuestionPage
        ctx={ctx}
        view={{
          question: q,
          hidden: stateFields(state, q.fact),
          progress: { answered: p.answered, total: Math.max(p.total, answeredBefore + 1) },
          ...(error ? { error } : {}),
          ...(value !== undefined
            ? { value: q.type === 'date' ? dateParts(value as PlainDate) : value }
            : {}),
          ...(previous ? { backHref: `/${ctx.locale}/check${writeState(state, { edit: previous })}` } : {}),
          ...(q.type === 'country' ? { countries: countryList(ctx.locale) } : {}),
        }}
      />
    );
  }

  app.get<LangParams>('/:lang/summary', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const state = readState(request.query);
    const t = translator(locale);
    const rows: SummaryRow[] = askedOrder(state, options.today(), book).map((fact) => ({
      fact,
      question: t.t(`question.${fact}.title`),
      answer: state.dontKnow.has(fact)
        ? t.t('ui.summary.dontKnow')
        : answerText(t, QUESTION_BY_FACT.get(fact)!, state.facts[fact]),
      changeHref: `/${locale}/check${writeState(state, { edit: fact })}`,
    }));
    return send(
      reply,
      <SummaryPage
        ctx={context(locale, `/summary${writeState(state)}`)}
        rows={rows}
        resultHref={`/${locale}/result${writeState(state)}`}
      />,
    );
  });

  const resultPage = (locale: Locale, state: CheckState) => {
    const t = translator(locale);
    const asOf = options.today();
    const a = assess(state.facts, asOf, book);
    const text = describeAssessment(t, a, whatWouldChange(state.facts, asOf, book, a), [...state.dontKnow]);
    const qs = writeState(state);
    const rel = (d: PlainDate | null) => (d ? { date: t.date(d), relative: t.relative(d, asOf) } : undefined);
    const dates = { termStart: rel(a.termStart), termEnd: rel(a.termEnd), applyFrom: rel(a.applyFrom) };
    const ctx = context(locale, `/result${qs}`);
    return (
      <ResultPage
        ctx={ctx}
        text={text}
        dates={Object.fromEntries(Object.entries(dates).filter(([, v]) => v)) as never}
        links={{
          summary: `/${locale}/summary${qs}`,
          pdf: `/${locale}/result.pdf${qs}`,
          ics: a.termEnd ? `/${locale}/result.ics${qs}` : null,
          restart: `/${locale}/check`,
        }}
        contacts={contacts}
        now={now()}
      />
    );
  };

  app.get<LangParams>('/:lang/result', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return send(reply, resultPage(locale, readState(request.query)));
  });

  app.get<LangParams>('/:lang/result.pdf', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const t = translator(locale);
    if (!options.pdf.available()) {
      return send(
        reply,
        <Page ctx={context(locale, '/')} title={t.t('ui.result.pdf')}>
          <h1>{t.t('ui.result.pdf')}</h1>
          <p>{t.t('ui.pdf.unavailable')}</p>
        </Page>,
        503,
      );
    }
    const html = `<!doctype html>${renderToString(resultPage(locale, readState(request.query)))}`;
    const pdf = await options.pdf.render(html);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="wegwijs-${locale}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get<LangParams>('/:lang/result.ics', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const t = translator(locale);
    const a = assess(readState(request.query).facts, options.today(), book);
    const description = t.t('ui.ics.description');
    const events = [
      ...(a.applyFrom
        ? [{ date: a.applyFrom, summary: t.t('ui.ics.applyFrom'), description, remindDays: [7, 1] }]
        : []),
      ...(a.termEnd
        ? [{ date: a.termEnd, summary: t.t('ui.ics.termEnd'), description, remindDays: [90, 30, 7] }]
        : []),
    ];
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="wegwijs.ics"')
      .header('cache-control', 'no-store')
      .send(calendar(events, options.today()));
  });

  app.setNotFoundHandler((request, reply) => {
    const first = request.url.split('/')[1] ?? '';
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({
        error: 'not-found',
        message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    return send(reply, notFound(context(isLocale(first) ? first : 'en', '/')), 404);
  });
}

/** The facts in the order the check asked them (replaying the engine), for "back" and the summary. */
export function askedOrder(state: CheckState, asOf: PlainDate, book: RuleBook): FactName[] {
  const facts: Facts = {};
  const dk = new Set<FactName>();
  const order: FactName[] = [];
  for (;;) {
    const q = nextQuestion(assess(facts, asOf, book), dk);
    if (!q) break;
    if (state.dontKnow.has(q.fact)) dk.add(q.fact);
    else if (state.facts[q.fact] !== undefined)
      (facts as Record<string, unknown>)[q.fact] = state.facts[q.fact];
    else break;
    order.push(q.fact);
  }
  // Answers given earlier that are no longer asked (after a change) still show, at the end.
  for (const f of Object.keys(state.facts) as FactName[]) if (!order.includes(f)) order.push(f);
  return order;
}

function dateParts(d: PlainDate) {
  return { day: d.day, month: d.month, year: d.year };
}

const countryCache = new Map<string, { code: string; name: string }[]>();
function countryList(locale: Locale) {
  let list = countryCache.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    list = [...ISO_COUNTRIES]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    countryCache.set(locale, list);
  }
  return list;
}

function answerText(t: Translator, q: Question, value: Facts[FactName]): string {
  if (value === undefined) return '';
  switch (q.type) {
    case 'yes-no':
      return t.t(value ? 'answer.yes' : 'answer.no');
    case 'date':
      return t.date(value as PlainDate);
    case 'number':
      return t.number(value as number);
    case 'country':
      return value === 'stateless'
        ? t.t('ui.question.stateless')
        : (new Intl.DisplayNames([t.locale], { type: 'region' }).of(value as string) ?? String(value));
    case 'choice':
      return t.t(optionKey(q.fact, String(value)));
    case 'multi-choice': {
      const list = value as string[];
      return list.length ? t.list(list.map((v) => t.t(optionKey(q.fact, v)))) : t.t('answer.none');
    }
  }
}
