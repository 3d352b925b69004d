/**
 * Letters to DUO for a person of the desk: the same letters as the public page, for the person's
 * stored answer. The personal details (name, address, date of birth, BSN) are typed into the
 * letter's form only: never stored, never logged; the audit log records "letter made" with the
 * person's opaque id, never the content. The letter HTML, the form and the PDF come from the web
 * adapter through the app (this adapter does not import another), as `DeskLetters`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Assessment } from '#domain/assess.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import type { LetterInput } from '#domain/letters/letter-input.ts';
import type { Letter, LetterField } from '#domain/letters/letters.ts';
import type { Translator } from '#i18n/translate.ts';
import { type DeskContext, DeskPage } from './views/desk-layout.tsx';

export interface DeskLetterForm {
  action: string;
  pdfAction: string;
  back: string;
  values: Partial<Record<LetterField, string>>;
  errors: { field: LetterField; message: string }[];
  hidden: Record<string, string>;
}

/** What the desk needs to make letters; the app builds it from the web adapter's letters kit. */
export interface DeskLetters {
  offered(a: Assessment): Letter[];
  letter(a: Assessment, optionId: string): Letter | undefined;
  read(
    t: Translator,
    form: Readonly<Record<string, unknown>>,
    today: PlainDate,
  ):
    | { ok: true; input: LetterInput }
    | { ok: false; errors: DeskLetterForm['errors']; values: Partial<Record<LetterField, string>> };
  /** The form's title, cautions and the form itself as HTML. */
  form(t: Translator, letter: Letter, m: DeskLetterForm): { title: string; cautions: string[]; html: string };
  /** The Dutch letter and the mirror copy in `language` as HTML. */
  letters(t: Translator, letter: Letter, input: LetterInput, language: string): string;
  /** The printable document (for the PDF). */
  print(t: Translator, letter: Letter, input: LetterInput, language: string): string;
  /** The PDF, or null when the renderer is busy or the print was cancelled; undefined: no Chromium. */
  pdf(html: string, signal: AbortSignal): Promise<Buffer | null | undefined>;
}

/** The letter form page inside the desk's frame. */
export function DeskLetterFormPage(props: {
  ctx: DeskContext;
  personName: string;
  form: { title: string; cautions: string[]; html: string };
  back: string;
  /** The form came back with problems: the title says so first. */
  problem: boolean;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={props.problem ? `${t.t('ui.error.title')}: ${form.title}` : form.title}>
      <p>
        <a href={props.back}>{props.personName}</a>
      </p>
      <h1>{form.title}</h1>
      <p class="lead">{t.t('desk.letters.formLead')}</p>
      {form.cautions.map((c) => (
        <p class="caution" key={c}>
          {c}
        </p>
      ))}
      {/* The form is rendered by the web adapter (the same as the public letter page). */}
      <div dangerouslySetInnerHTML={{ __html: form.html }} />
    </DeskPage>
  );
}

/** The letters made for a person, to print (or as PDF through the same form). */
export function DeskLetterPage(props: {
  ctx: DeskContext;
  personName: string;
  lettersHtml: string;
  back: string;
  pdf: { action: string; values: Record<string, string> };
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={t.t('letter.result.title')}>
      <div class="no-print">
        <p>
          <a href={props.back}>{props.personName}</a>
        </p>
        <h1>{t.t('letter.result.title')}</h1>
        <p>{t.t('letter.result.steps')}</p>
        <p class="hint">{t.t('desk.letters.notStored')}</p>
        <form method="post" action={props.pdf.action} class="actions">
          {Object.entries(props.pdf.values).map(([k, v]) => (
            <input type="hidden" name={k} value={v} key={k} />
          ))}
          <button type="submit" class="utrecht-button utrecht-button--secondary-action button">
            {t.t('letter.form.pdf')}
          </button>
        </form>
      </div>
      <div dangerouslySetInnerHTML={{ __html: props.lettersHtml }} />
    </DeskPage>
  );
}

export type DeskLetterRequest = FastifyRequest<{
  Params: { lang: string; id: string; option: string };
  Querystring: Record<string, string>;
}>;
export type { FastifyReply };
