/**
 * The start page, help, and the guided check: one question per page as GET forms, the state in
 * the URL; then the summary of the answers with links to change each.
 */
import type { FastifyInstance } from 'fastify';
import { pageTranslator } from '#adapters/content/load-messages.ts';
import { assess } from '#domain/assess.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { checkConsistency, surprises } from '#domain/facts/consistency.ts';
import { ISO_COUNTRIES } from '#domain/facts/countries.ts';
import type { FactName, Facts } from '#domain/facts/facts.ts';
import { askedOrder } from '#domain/questionnaire/asked-order.ts';
import { nextQuestion, progress } from '#domain/questionnaire/next-question.ts';
import { QUESTION_BY_FACT, type Question } from '#domain/questionnaire/questions.ts';
import { inconsistencyText } from '#i18n/fact-problems.ts';
import { optionKey } from '#i18n/labels.ts';
import { isLocale, LOCALES, type Locale } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';
import { languageFromAcceptLanguage } from '#languages/languages.ts';
import {
  answerFromForm,
  type CheckState,
  ignoredParam,
  readState,
  stateFields,
  withNotice,
  writeState,
} from '../state.ts';
import { ConfirmPage, InconsistentPage } from '../views/consistency.tsx';
import { HelpPage } from '../views/help.tsx';
import type { PageContext } from '../views/layout.tsx';
import { answerError, QuestionPage, type QuestionView } from '../views/question.tsx';
import { StartPage } from '../views/start.tsx';
import { SummaryPage, type SummaryRow } from '../views/summary.tsx';
import type { WebOptions } from '../web-options.ts';
import type { LangParams, PageKit } from './page-kit.tsx';

export function checkRoutes(app: FastifyInstance, options: WebOptions, kit: PageKit) {
  const { book, contacts } = options;
  const { send, localeOf, context } = kit;
  const now = () => ({ date: options.today(), time: options.nowTime() });

  // The start language from Accept-Language (q-values, then related languages), Dutch by default.
  app.get('/', async (request, reply) => {
    const header = String(request.headers['accept-language'] ?? '').slice(0, 1000);
    const preferred = languageFromAcceptLanguage(header, LOCALES, 'nl');
    return reply
      .header('vary', 'accept-language')
      .redirect(`/${isLocale(preferred) ? preferred : 'nl'}/`, 302);
  });

  app.get<LangParams>('/:lang/', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return send(reply, <StartPage ctx={context(locale, '/')} />);
  });
  // Only a known language redirects (and only to this site): anything else is not found.
  app.get<LangParams>('/:lang', async (request, reply) => {
    const locale = localeOf(request, reply);
    if (!locale) return;
    return reply.redirect(`/${locale}/`, 301);
  });

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
      withNotice(context(locale, `/check${writeState(s, extra)}`), s);

    // An answer arrives: validate it, check it against the other answers, then redirect to the
    // clean URL of the new state. A refused answer keeps what was typed.
    const answered = QUESTION_BY_FACT.get(String(query.q) as FactName);
    if (answered) {
      const answer = answerFromForm(answered, query);
      const t = pageTranslator(locale);
      if (answer.kind === 'none' || answer.kind === 'invalid') {
        const error = answerError(t, answered, answer.kind === 'none' ? 'required' : answer.problem);
        const typed = answer.kind === 'invalid' ? answer.typed : undefined;
        return send(reply, renderQuestion(ctx(state), state, answered, error, typed), 400);
      }
      if (answer.kind === 'dont-know') {
        delete (state.facts as Record<string, unknown>)[answered.fact];
        state.dontKnow.add(answered.fact);
      } else {
        const before = { ...state.facts };
        (state.facts as Record<string, unknown>)[answered.fact] = answer.value;
        const clash = checkConsistency(state.facts, options.today()).filter((i) =>
          i.fields.includes(answered.fact),
        );
        if (clash.length) {
          const old = { ...state, facts: before };
          const error = {
            text: clash.map((i) => inconsistencyText(t, i)).join(' '),
            field: answered.type === 'date' ? 'answer-day' : 'answer',
            related: [...new Set(clash.flatMap((i) => i.fields))]
              .filter((f) => f !== answered.fact)
              .map((f) => ({
                href: `/${locale}/check${writeState(old, { edit: f })}`,
                label: t.t('consistency.change', { question: t.t(`question.${f}.title`) }),
              })),
          };
          return send(
            reply,
            renderQuestion(ctx(old), old, answered, error, answer.typed ?? answer.value),
            400,
          );
        }
        state.dontKnow.delete(answered.fact);
        state.confirmed?.delete(answered.fact);
      }
      return reply.redirect(`/${locale}/check${writeState(state)}`, 303);
    }

    const edit = QUESTION_BY_FACT.get(String(query.edit) as FactName);
    if (edit) return send(reply, renderQuestion(ctx(state, { edit: edit.fact }), state, edit));

    // Answers that cannot all be true (a hand-made or old link): say which, never an answer.
    const stop = checkpoint(locale, state);
    if (stop) return send(reply, stop.page, stop.status);

    const a = assess(state.facts, options.today(), book);
    const q = nextQuestion(a, state.dontKnow);
    // Nothing left to ask: on to the result, which still names what the link held that was not read.
    if (!q) return reply.redirect(`/${locale}/result${writeState(state, ignoredParam(state))}`, 303);
    return send(reply, renderQuestion(ctx(state), state, q));
  });

  /**
   * Before any answer is given: the page listing impossible answers (400), or the "is that
   * right?" step for the first surprising answer not yet confirmed.
   */
  function checkpoint(locale: Locale, state: CheckState) {
    const today = options.today();
    const found = checkConsistency(state.facts, today);
    const editHref = (f: FactName) => `/${locale}/check${writeState(state, { edit: f })}`;
    if (found.length)
      return {
        status: 400,
        page: (
          <InconsistentPage
            ctx={context(locale, `/check${writeState(state)}`)}
            found={found}
            editHref={editHref}
          />
        ),
      };
    const surprise = surprises(state.facts, today).find((s) => !state.confirmed?.has(s.fact));
    if (!surprise) return undefined;
    const confirmed = { ...state, confirmed: new Set([...(state.confirmed ?? []), surprise.fact]) };
    return {
      status: 200,
      page: (
        <ConfirmPage
          ctx={context(locale, `/check${writeState(state)}`)}
          surprise={surprise}
          hidden={[...new URLSearchParams(writeState(confirmed))]}
          changeHref={editHref(surprise.fact)}
        />
      ),
    };
  }

  function renderQuestion(
    ctx: PageContext,
    state: CheckState,
    q: Question,
    error?: QuestionView['error'],
    typed?: unknown,
  ) {
    const a = assess(state.facts, options.today(), book);
    const order = askedOrder(state, options.today(), book);
    const answeredBefore = order.indexOf(q.fact) >= 0 ? order.indexOf(q.fact) : order.length;
    const p = progress(answeredBefore, a, state.dontKnow);
    const previous = order[answeredBefore - 1];
    // After an error: what was typed; otherwise the answer given before (dates as their parts).
    const stored = state.facts[q.fact];
    const value =
      typed !== undefined
        ? typed
        : q.type === 'date' && stored !== undefined
          ? dateParts(stored as PlainDate)
          : stored;
    return (
      <QuestionPage
        ctx={ctx}
        view={{
          question: q,
          hidden: stateFields(state, q.fact),
          progress: { answered: p.answered, total: Math.max(p.total, answeredBefore + 1) },
          ...(error ? { error } : {}),
          ...(value !== undefined ? { value } : {}),
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
    const t = pageTranslator(locale);
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
        ctx={withNotice(context(locale, `/summary${writeState(state)}`), state)}
        rows={rows}
        resultHref={`/${locale}/result${writeState(state)}`}
      />,
    );
  });
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
