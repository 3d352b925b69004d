/**
 * Letters to DUO as HTML, for the public letter pages and (handed over by the app) the case desk:
 * which letters an answer offers, the form, the letters themselves (Dutch to send, the mirror copy
 * in the person's language, right-to-left where it reads so, numbers isolated) and the printable
 * document for the bounded PDF path. Nothing here keeps what a person typed.
 */
import { renderToString } from 'preact-render-to-string';
import { catalogStatus, pageTranslator } from '#adapters/content/load-messages.ts';
import type { Assessment } from '#domain/assess.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { type LetterInput, type LetterProblem, readLetterInput } from '#domain/letters/letter-input.ts';
import { type Letter, letterFor, lettersFor } from '#domain/letters/letters.ts';
import { describeLetter } from '#i18n/describe-letter.ts';
import { isolateHtml } from '#i18n/isolate.ts';
import { isLocale, type Locale } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';
import {
  type FormValues,
  LetterForm,
  type LetterFormModel,
  type LetterLink,
  LetterPrint,
  Letters,
  type LettersModel,
} from './views/letter.tsx';

export interface LettersKit {
  /** The letters the answer offers (none once their window has closed). */
  offered(a: Assessment): Letter[];
  letter(a: Assessment, optionId: string): Letter | undefined;
  /** Links for a list of letters, in the page's language. */
  links(t: Translator, a: Assessment, href: (optionId: string) => string): LetterLink[];
  /** The form's values read, or the problems as messages naming each field. */
  read(
    t: Translator,
    form: Readonly<Record<string, unknown>>,
    today: PlainDate,
  ): { ok: true; input: LetterInput } | { ok: false; errors: LetterFormModel['errors']; values: FormValues };
  /** The model of the form page (title, cautions), to render with the given action and values. */
  formModel(
    t: Translator,
    letter: Letter,
    m: Omit<LetterFormModel, 'title' | 'reasonRequired' | 'caution' | 'when'>,
  ): LetterFormModel;
  /** The form alone as HTML (for the desk's own page frame). */
  formHtml(t: Translator, m: LetterFormModel): string;
  /** The Dutch letter and the mirror copy in `language` (none when Dutch or not a language of the app). */
  model(letter: Letter, input: LetterInput, language: string, post: string): LettersModel;
  /** The letters alone as HTML (for the desk's own page frame). */
  lettersHtml(t: Translator, m: LettersModel): string;
  /** The printable document (for the PDF). */
  printHtml(t: Translator, m: LettersModel, css: string): string;
}

export function lettersKit(): LettersKit {
  return {
    offered: lettersFor,
    letter: letterFor,
    links(t, a, href) {
      return lettersFor(a).map((l) => ({
        id: l.optionId,
        title: t.t(`option.${l.optionId}.title`),
        href: href(l.optionId),
        ...whenOf(t, l),
      }));
    },
    read(t, form, today) {
      const r = readLetterInput(form, today);
      if (r.ok) return r;
      return {
        ok: false,
        values: r.values,
        errors: r.problems.map((p) => ({ field: p.field, message: problemText(t, p) })),
      };
    },
    formModel(t, letter, m) {
      const when = whenOf(t, letter).when;
      return {
        ...m,
        title: t.t('letter.form.title', { title: t.t(`option.${letter.optionId}.title`) }),
        reasonRequired: letter.reasonRequired,
        ...(letter.confirmed
          ? letter.askHowFirst
            ? { caution: t.t('applyVia.duo-ask-how') }
            : {}
          : { caution: t.t('option.unconfirmed') }),
        ...(when ? { when } : {}),
      };
    },
    formHtml: (t, m) => isolateHtml(renderToString(<LetterForm t={t} m={m} />)),
    model(letter, input, language, post) {
      const dutch = describeLetter(pageTranslator('nl'), letter, input, post);
      if (!isLocale(language) || language === 'nl') return { dutch };
      const t = pageTranslator(language as Locale);
      const status = catalogStatus(language);
      return {
        dutch,
        mirror: {
          letter: describeLetter(t, letter, input, post),
          heading: t.t('letter.mirror.heading'),
          note: t.t('letter.mirror.note'),
          status,
          statusText: t.t(`ui.footer.status.${status}`),
        },
      };
    },
    lettersHtml: (t, m) => isolateHtml(renderToString(<Letters t={t} m={m} />)),
    printHtml: (t, m, css) =>
      `<!doctype html>${isolateHtml(renderToString(<LetterPrint t={t} m={m} css={css} title={m.dutch.subject} />))}`,
  };
}

function whenOf(t: Translator, l: Letter): { when?: string } {
  if (l.canSendNow) return {};
  return {
    when: l.sendFrom
      ? t.t('letter.list.sendFrom', { date: t.date(l.sendFrom) })
      : t.t('letter.list.sendFromUnknown'),
  };
}

function problemText(t: Translator, p: LetterProblem): string {
  // The examples are parameters, so a right-to-left page keeps them in their own order.
  return t.t(`letter.problem.${p.problem}`, {
    field: t.t(`letter.field.${p.field}`),
    max: p.max ?? 0,
    example: p.problem === 'postcode' ? '1234 AB' : '1990-05-31',
  });
}
