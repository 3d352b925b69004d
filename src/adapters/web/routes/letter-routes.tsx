/**
 * The letters to DUO on the public site: a GET form per letter the answer offers (the check's
 * facts are in the URL state, as on the result page; no personal detail ever is), and a POST that
 * renders the letter (HTML, or a PDF through the bounded renderer). The details typed in are read
 * from the body, placed in the letter and forgotten: not stored, not logged (the request log names
 * only the route pattern), `cache-control: no-store`. Nothing is stored, so a cross-site post can
 * change nothing: no CSRF token is needed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageTranslator } from '#adapters/content/load-messages.ts';
import { assess } from '#domain/assess.ts';
import { checkConsistency } from '#domain/facts/consistency.ts';
import { LETTER_FIELDS, type Letter } from '#domain/letters/letters.ts';
import type { Locale } from '#i18n/locales.ts';
import type { LettersKit } from '../letters-kit.tsx';
import { PdfBusy, PdfCancelled } from '../render-pdf.ts';
import { type Query, readState, writeState } from '../state.ts';
import { Page } from '../views/layout.tsx';
import { type FormValues, type LetterFormModel, LetterFormPage, LetterResultPage } from '../views/letter.tsx';
import type { WebOptions } from '../web-options.ts';
import type { PageKit } from './page-kit.tsx';

type LetterRequest = FastifyRequest<{ Params: { lang: string; id: string }; Querystring: Query }>;
type Form = Record<string, string | string[]>;

/** A letter form is small: nine fields, the reason at most 3,000 characters. */
const LETTER_BODY_BYTES = 32 * 1024;

export function letterRoutes(app: FastifyInstance, options: WebOptions, kit: PageKit, letters: LettersKit) {
  const { send, localeOf, context } = kit;

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: LETTER_BODY_BYTES },
    (_request, body, done) => {
      const form: Form = {};
      for (const [k, v] of new URLSearchParams(String(body))) if (!(k in form)) form[k] = v;
      done(null, form);
    },
  );

  /** The page's language, the check's state and the letter the answer offers; else an answer sent. */
  const resolve = (request: LetterRequest, reply: FastifyReply) => {
    const locale = localeOf(request, reply);
    if (!locale) return undefined;
    const state = readState(request.query);
    const qs = writeState(state);
    // Answers that cannot all be true get no letter: the result page says what does not fit.
    if (checkConsistency(state.facts, options.today()).length) {
      void reply.redirect(`/${locale}/result${qs}`, 303);
      return undefined;
    }
    const a = assess(state.facts, options.today(), options.book);
    const letter = letters.letter(a, request.params.id);
    if (!letter) {
      void send(reply, kit.notFound(context(locale, `/result${qs}`)), 404);
      return undefined;
    }
    return { locale, qs, letter, t: pageTranslator(locale) };
  };

  const formPage = (
    locale: Locale,
    qs: string,
    letter: Letter,
    values: FormValues,
    errors: LetterFormModel['errors'] = [],
  ) => {
    const t = pageTranslator(locale);
    // The language switch keeps the state, never what was typed.
    const ctx = context(locale, `/letter/${letter.optionId}${qs}`);
    return (
      <LetterFormPage
        ctx={ctx}
        m={letters.formModel(t, letter, {
          action: `/${locale}/letter/${letter.optionId}${qs}`,
          pdfAction: `/${locale}/letter/${letter.optionId}/pdf${qs}`,
          back: `/${locale}/result${qs}#letters-heading`,
          values,
          errors,
        })}
      />
    );
  };

  app.get<{ Params: { lang: string; id: string }; Querystring: Query }>(
    '/:lang/letter/:id',
    async (request, reply) => {
      const r = resolve(request, reply);
      if (!r) return reply;
      return send(reply, formPage(r.locale, r.qs, r.letter, { date: options.today().toString() }));
    },
  );

  /** The POST both routes share: the letter from the body, or the form again naming each bad field (400). */
  const post = async (request: LetterRequest, reply: FastifyReply, pdf: boolean) => {
    const r = resolve(request, reply);
    if (!r) return reply;
    const form = (request.body && typeof request.body === 'object' ? request.body : {}) as Form;
    const read = letters.read(r.t, form, options.today());
    if (!read.ok) return send(reply, formPage(r.locale, r.qs, r.letter, read.values, read.errors), 400);
    const model = letters.model(r.letter, read.input, r.locale, options.contacts.national.duo.post);
    if (!pdf) {
      const values: FormValues = {};
      for (const f of LETTER_FIELDS) if (typeof form[f] === 'string') values[f] = form[f];
      return send(
        reply,
        <LetterResultPage
          ctx={context(r.locale, `/letter/${r.letter.optionId}${r.qs}`)}
          m={model}
          back={`/${r.locale}/result${r.qs}#letters-heading`}
          pdf={{ action: `/${r.locale}/letter/${r.letter.optionId}/pdf${r.qs}`, values }}
        />,
      );
    }
    if (!options.pdf.available())
      return send(
        reply,
        <Page ctx={context(r.locale, '/')} title={r.t.t('letter.form.pdf')}>
          <h1>{r.t.t('letter.form.pdf')}</h1>
          <p>{r.t.t('ui.pdf.unavailable')}</p>
        </Page>,
        503,
      );
    const html = letters.printHtml(r.t, model, options.assets.css);
    const gone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    try {
      const file = await options.pdf.render(html, gone.signal);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="wegwijs-letter-${r.letter.optionId}.pdf"`)
        .header('cache-control', 'no-store')
        .send(file);
    } catch (error) {
      if (!(error instanceof PdfBusy || error instanceof PdfCancelled)) throw error;
      if (gone.signal.aborted) return reply;
      return send(
        reply.header('retry-after', '30'),
        <Page ctx={context(r.locale, '/')} title={r.t.t('letter.form.pdf')}>
          <h1>{r.t.t('ui.error503.title')}</h1>
          <p>{r.t.t('ui.pdf.busy')}</p>
          <p>
            <a href={`/${r.locale}/letter/${r.letter.optionId}${r.qs}`}>{r.t.t('ui.pdf.back')}</a>
          </p>
        </Page>,
        503,
      );
    }
  };

  app.post('/:lang/letter/:id', (request, reply) => post(request as LetterRequest, reply, false));
  app.post('/:lang/letter/:id/pdf', (request, reply) => post(request as LetterRequest, reply, true));
}
