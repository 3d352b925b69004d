/** The result of the check: the page, its PDF (printed by Chromium) and the calendar file. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageTranslator } from '#adapters/content/load-messages.ts';
import { type Assessment, assess } from '#domain/assess.ts';
import { isBefore, type PlainDate } from '#domain/dates/plain-date.ts';
import { checkConsistency, surprises } from '#domain/facts/consistency.ts';
import { whatWouldChange } from '#domain/what-would-change.ts';
import { describeAssessment } from '#i18n/describe-assessment.ts';
import type { Locale } from '#i18n/locales.ts';
import { calendar } from '../ics.ts';
import type { LettersKit } from '../letters-kit.tsx';
import { PageCache } from '../page-cache.ts';
import { PdfBusy, PdfCancelled } from '../render-pdf.ts';
import { type CheckState, readState, withNotice, writeState } from '../state.ts';
import { InconsistentPage } from '../views/consistency.tsx';
import { Page } from '../views/layout.tsx';
import { ResultPage } from '../views/result.tsx';
import { timelineModel } from '../views/timeline.tsx';
import type { WebOptions } from '../web-options.ts';
import type { LangParams, PageKit } from './page-kit.tsx';

export function resultRoutes(app: FastifyInstance, options: WebOptions, kit: PageKit, letters: LettersKit) {
  const { book, contacts } = options;
  const { send, localeOf, context } = kit;
  const now = () => ({ date: options.today(), time: options.nowTime() });

  const resultPage = (locale: Locale, state: CheckState) => {
    const t = pageTranslator(locale);
    const asOf = options.today();
    const a = assess(state.facts, asOf, book);
    const text = describeAssessment(t, a, whatWouldChange(state.facts, asOf, book, a), [...state.dontKnow]);
    const qs = writeState(state);
    const rel = (d: PlainDate | null) => (d ? { date: t.date(d), relative: t.relative(d, asOf) } : undefined);
    const dates = { termStart: rel(a.termStart), termEnd: rel(a.termEnd), applyFrom: rel(a.applyFrom) };
    const ctx = withNotice(context(locale, `/result${qs}`), state);
    return (
      <ResultPage
        ctx={ctx}
        text={text}
        timeline={timelineModel(a, asOf)}
        dates={Object.fromEntries(Object.entries(dates).filter(([, v]) => v)) as never}
        links={{
          summary: `/${locale}/summary${qs}`,
          pdf: `/${locale}/result.pdf${qs}`,
          ics: calendarDates(a, asOf).length > 0 ? `/${locale}/result.ics${qs}` : null,
          restart: `/${locale}/check`,
          termUnknown: text.termUnknownFact
            ? `/${locale}/check${writeState(state, { edit: text.termUnknownFact })}`
            : null,
        }}
        letters={letters.links(t, a, (id) => `/${locale}/letter/${id}${qs}`)}
        contacts={contacts}
        now={now()}
      />
    );
  };

  /**
   * Answers that cannot all be true never get an answer, on the page, in the PDF or in the
   * calendar file (a hand-made or old link): the page says what does not fit and links to the
   * questions. Undefined when the answers can all be true.
   */
  const refuseInconsistent = (locale: Locale, state: CheckState, reply: FastifyReply) => {
    const found = checkConsistency(state.facts, options.today());
    if (!found.length) return undefined;
    return send(
      reply,
      <InconsistentPage
        ctx={context(locale, `/result${writeState(state)}`)}
        found={found}
        editHref={(f) => `/${locale}/check${writeState(state, { edit: f })}`}
      />,
      400,
    );
  };

  // The page is a pure function of its URL, the date and the minute (../page-cache.ts).
  // The key holds the date and minute; a page is dropped once they have passed (at most 2 minutes).
  const period = () => `${options.today().toString()}\n${options.nowTime()}`;
  const pages = new PageCache(options.pageCacheEntries ?? 0, { period });
  const stopSweeping = pages.startSweeping();
  app.addHook('onClose', async () => stopSweeping());
  const pageKey = (url: string, when: string) => `${url}\n${when}`;
  app.get<LangParams>('/:lang/result', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const when = period();
    const key = pageKey(request.url, when);
    const kept = pages.get(key);
    if (kept) return kit.sendKept(request, reply, kept);
    await options.turn?.();
    const state = readState(request.query);
    const refused = refuseInconsistent(locale, state, reply);
    if (refused) return refused;
    // A surprising answer not yet confirmed ("you are 1 year old?"): the check asks first.
    if (surprises(state.facts, options.today()).some((s) => !state.confirmed?.has(s.fact)))
      return reply.redirect(`/${locale}/check${writeState(state)}`, 303);
    return kit.sendKept(request, reply, pages.set(key, kit.render(resultPage(locale, state)), when));
  });

  app.get<LangParams>('/:lang/result.pdf', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const t = pageTranslator(locale);
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
    const state = readState(request.query);
    // The page just seen (its PDF link is on it), if kept: it passed the checks below already.
    const when = period();
    const key = pageKey(request.url.replace(/^(\/[^/?#]+\/result)\.pdf/, '$1'), when);
    const kept = pages.get(key);
    if (!kept) {
      const refused = refuseInconsistent(locale, state, reply);
      if (refused) return refused;
    }
    const busy = () =>
      // Too many PDFs at once, or this one took too long: try again shortly, or print the page.
      send(
        reply.header('retry-after', '30'),
        <Page ctx={context(locale, '/')} title={t.t('ui.result.pdf')}>
          <h1>{t.t('ui.error503.title')}</h1>
          <p>{t.t('ui.pdf.busy')}</p>
          <p>
            <a href={`/${locale}/result${writeState(state)}`}>{t.t('ui.pdf.back')}</a>
          </p>
        </Page>,
        503,
      );
    // The pool and its queue are full: refused before the page is made (a burst of PDF requests
    // must not hold the event loop up rendering pages that will not be printed).
    if (options.pdf.full()) return busy();
    let html = kept?.bytes.toString();
    if (html === undefined) {
      const page = kit.render(resultPage(locale, state));
      html = page.html;
      // Kept for the result page only when that page would show it (no surprise left to confirm).
      if (!surprises(state.facts, options.today()).some((s) => !state.confirmed?.has(s.fact)))
        pages.set(key, page, when);
    }
    // Cancelled when the person goes away: the response closes before it was written.
    const gone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    try {
      const pdf = await options.pdf.render(html, gone.signal);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="wegwijs-${locale}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    } catch (error) {
      if (!(error instanceof PdfBusy || error instanceof PdfCancelled)) throw error;
      if (gone.signal.aborted) return reply;
      return busy();
    }
  });

  app.get<LangParams>('/:lang/result.ics', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    const t = pageTranslator(locale);
    const asOf = options.today();
    const state = readState(request.query);
    const refused = refuseInconsistent(locale, state, reply);
    if (refused) return refused;
    const a = assess(state.facts, asOf, book);
    const description = t.t('ui.ics.description');
    const events = calendarDates(a, asOf).map(({ kind, date }) =>
      kind === 'applyFrom'
        ? { date, summary: t.t('ui.ics.applyFrom'), description, remindDays: [7, 1] }
        : { date, summary: t.t('ui.ics.termEnd'), description, remindDays: [90, 30, 7] },
    );
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="wegwijs.ics"')
      .header('cache-control', 'no-store')
      .send(calendar(events, options.today()));
  });
}

/** The dates worth a calendar entry: only those still to come (a reminder of the past helps nobody). */
export function calendarDates(
  a: Assessment,
  asOf: PlainDate,
): { kind: 'applyFrom' | 'termEnd'; date: PlainDate }[] {
  const dates: { kind: 'applyFrom' | 'termEnd'; date: PlainDate }[] = [];
  if (a.applyFrom && !isBefore(a.applyFrom, asOf)) dates.push({ kind: 'applyFrom', date: a.applyFrom });
  if (a.termEnd && !isBefore(a.termEnd, asOf)) dates.push({ kind: 'termEnd', date: a.termEnd });
  return dates;
}
