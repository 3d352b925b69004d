/**
 * Letters to DUO: the list on the result page, the form the person types their details into, and
 * the letter itself (the Dutch one to send and the mirror copy in their language). The details are
 * posted, placed in the letter and forgotten: nothing here is stored.
 */
import type { LetterField } from '#domain/letters/letters.ts';
import type { LetterText } from '#i18n/describe-letter.ts';
import type { Translator } from '#i18n/translate.ts';
import { Page, type PageContext } from './layout.tsx';

export interface LetterLink {
  id: string;
  title: string;
  href: string;
  /** "You can send it from …", when it cannot be sent today. */
  when?: string;
}

/** On the result page: one link per letter the answer offers. */
export function LetterList({ t, letters }: { t: Translator; letters: LetterLink[] }) {
  if (!letters.length) return null;
  return (
    <section class="card letters no-print" aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t.t('letter.list.title')}</h2>
      <p>{t.t('letter.list.lead')}</p>
      <ul class="letter-list">
        {letters.map((l) => (
          <li key={l.id}>
            <a href={l.href} id={`letter-${l.id}`}>
              {t.t('letter.list.make')}: {l.title}
            </a>
            {l.when && <p class="hint">{l.when}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export type FormValues = Partial<Record<LetterField, string>>;

export interface LetterFormModel {
  title: string;
  action: string;
  /** Where the PDF button posts the same form. */
  pdfAction: string;
  back: string;
  reasonRequired: boolean;
  caution?: string;
  when?: string;
  values: FormValues;
  errors: { field: LetterField; message: string }[];
  /** Hidden fields the form carries along (the desk's CSRF token). */
  hidden?: Record<string, string>;
}

const INPUTS: {
  field: Exclude<LetterField, 'reason'>;
  autocomplete: string;
  numeric?: boolean;
  short?: boolean;
  hint?: string;
}[] = [
  { field: 'name', autocomplete: 'name' },
  { field: 'address', autocomplete: 'street-address' },
  { field: 'postcode', autocomplete: 'postal-code', short: true },
  { field: 'city', autocomplete: 'address-level2' },
  { field: 'birthDate', autocomplete: 'bday', numeric: true, short: true, hint: 'letter.form.dateHint' },
  { field: 'bsn', autocomplete: 'off', numeric: true, short: true },
  { field: 'vNumber', autocomplete: 'off', numeric: true, short: true },
];

/** The form's fields and buttons, shared by the public page and the desk. */
export function LetterForm({ t, m }: { t: Translator; m: LetterFormModel }) {
  const invalid = (f: LetterField) => m.errors.some((e) => e.field === f);
  const input = (
    i:
      | (typeof INPUTS)[number]
      | { field: 'date'; numeric: true; short: true; autocomplete: 'off'; hint?: string },
  ) => (
    <div class={`field${invalid(i.field) ? ' invalid' : ''}`} key={i.field}>
      <label for={`letter-${i.field}`}>{t.t(`letter.field.${i.field}`)}</label>
      {i.hint && (
        <p class="hint" id={`letter-${i.field}-hint`}>
          {t.t(i.hint, { example: '1990-05-31' })}
        </p>
      )}
      <input
        id={`letter-${i.field}`}
        name={i.field}
        type="text"
        value={m.values[i.field] ?? ''}
        class={`utrecht-textbox utrecht-textbox--html-input${i.short ? ' short' : ''}`}
        autocomplete={i.autocomplete}
        maxLength={200}
        dir={i.numeric ? 'ltr' : 'auto'}
        {...(i.numeric ? { inputMode: 'numeric' as const } : {})}
        {...(i.hint ? { 'aria-describedby': `letter-${i.field}-hint` } : {})}
        aria-invalid={invalid(i.field) ? true : undefined}
      />
    </div>
  );
  return (
    <>
      {m.errors.length > 0 && (
        <div class="alert error" role="alert" id="letter-errors">
          <h2>{t.t('letter.form.errors')}</h2>
          <ul>
            {m.errors.map((e) => (
              <li key={e.field}>
                <a href={`#letter-${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={m.action} class="letter-form" autocomplete="off">
        {Object.entries(m.hidden ?? {}).map(([k, val]) => (
          <input type="hidden" name={k} value={val} key={k} />
        ))}
        {INPUTS.map(input)}
        <div class={`field${invalid('reason') ? ' invalid' : ''}`}>
          <label for="letter-reason">{t.t('letter.field.reason')}</label>
          <p class="hint" id="letter-reason-hint">
            {m.reasonRequired ? t.t('letter.form.reasonHint') : t.t('letter.form.reasonOptional')}
          </p>
          <textarea
            id="letter-reason"
            name="reason"
            rows={m.reasonRequired ? 8 : 4}
            maxLength={3000}
            dir="auto"
            class="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby="letter-reason-hint"
            aria-invalid={invalid('reason') ? true : undefined}
          >
            {m.values.reason ?? ''}
          </textarea>
        </div>
        {input({
          field: 'date',
          numeric: true,
          short: true,
          autocomplete: 'off',
          hint: 'letter.form.dateHint',
        })}
        <p class="actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action button">
            {t.t('letter.form.show')}
          </button>{' '}
          <button
            type="submit"
            formAction={m.pdfAction}
            class="utrecht-button utrecht-button--secondary-action button"
          >
            {t.t('letter.form.pdf')}
          </button>
        </p>
      </form>
    </>
  );
}

/** The public page with the form. */
export function LetterFormPage({ ctx, m }: { ctx: PageContext; m: LetterFormModel }) {
  const { t } = ctx;
  return (
    // A form with a problem says so first in its title (nothing moves the focus without script).
    <Page ctx={ctx} title={m.errors.length ? `${t.t('ui.error.title')}: ${m.title}` : m.title} search={false}>
      <p>
        <a class="back-link" href={m.back}>
          {t.t('letter.form.back')}
        </a>
      </p>
      <h1>{m.title}</h1>
      <p class="lead">{t.t('letter.form.lead')}</p>
      {m.when && <p class="caution">{m.when}</p>}
      {m.caution && <p class="caution">{m.caution}</p>}
      <LetterForm t={t} m={m} />
    </Page>
  );
}

/** A line to write on by hand where a detail was left empty. */
const Fill = ({ value }: { value: string }) =>
  value ? <span dir="auto">{value}</span> : <span class="fill" aria-hidden="true" />;

/** One letter as it is printed: sender, addressee, place and date, subject, body, enclosures, signature. */
export function LetterDocument({ l, id }: { l: LetterText; id: string }) {
  return (
    <article class="letter" lang={l.lang} dir={l.dir} id={id} aria-label={l.subject}>
      <address class="letter-sender">
        {l.sender.map((s, i) => (
          <div key={i}>
            <Fill value={s} />
          </div>
        ))}
      </address>
      <address class="letter-addressee">
        {/* Dutch lines in any letter: each keeps its own direction ("9700 AT Groningen" in Arabic too). */}
        {l.addressee.map((s) => (
          <div key={s} dir="auto">
            {s}
          </div>
        ))}
      </address>
      <p class="letter-date">{l.placeDate}</p>
      <p class="letter-subject">
        <strong>{l.subject}</strong>
      </p>
      <dl class="letter-details">
        {l.details.map((d) => (
          <div key={d.field} class={`letter-row letter-detail-${d.field}`}>
            <dt>{d.label}</dt>
            <dd>
              {d.field === 'bsn' || d.field === 'vNumber' ? (
                d.value ? (
                  <bdi dir="ltr">{d.value}</bdi>
                ) : (
                  <Fill value="" />
                )
              ) : (
                <Fill value={d.value} />
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p>{l.salutation}</p>
      {l.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h3 class="letter-heading">{l.reasonHeading}</h3>
      {l.reason ? (
        <p class="letter-reason" dir="auto">
          {l.reason}
        </p>
      ) : (
        <div class="letter-lines" aria-hidden="true">
          <span class="fill" />
          <span class="fill" />
          <span class="fill" />
          <span class="fill" />
        </div>
      )}
      {l.enclosures.length > 0 && (
        <>
          <h3 class="letter-heading">{l.enclosuresHeading}</h3>
          <ul class="letter-enclosures">
            {l.enclosures.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <p>{l.closing}</p>
      <dl class="letter-sign">
        <div class="letter-row">
          <dt>{l.signatureLabel}</dt>
          <dd>
            <span class="fill signature" />
          </dd>
        </div>
        <div class="letter-row">
          <dt>{l.dateLabel}</dt>
          <dd>{l.date}</dd>
        </div>
      </dl>
      <p>
        <Fill value={l.name} />
      </p>
    </article>
  );
}

export interface LettersModel {
  dutch: LetterText;
  /** The copy in the person's language (none when that is Dutch). */
  mirror?: {
    letter: LetterText;
    /** Its heading and note, in the person's language (the page around may be in another). */
    heading: string;
    note: string;
    status: 'authored' | 'machine-assisted' | 'reviewed';
    statusText: string;
  };
}

/** The Dutch letter to send and, after a page break, the mirror copy, labelled so no one sends it. */
export function Letters({ t, m }: { t: Translator; m: LettersModel }) {
  return (
    <>
      <section class="letter-sheet" aria-labelledby="letter-dutch-heading">
        <h2 id="letter-dutch-heading" class="no-print">
          {t.t('letter.dutch.heading')}
        </h2>
        <LetterDocument l={m.dutch} id="letter-dutch" />
      </section>
      {m.mirror && (
        <section
          class="letter-sheet letter-mirror"
          aria-labelledby="letter-mirror-heading"
          lang={m.mirror.letter.lang}
          dir={m.mirror.letter.dir}
        >
          <h2 id="letter-mirror-heading">{m.mirror.heading}</h2>
          <p class="mirror-note">{m.mirror.note}</p>
          <p class={`status status-${m.mirror.status}`}>{m.mirror.statusText}</p>
          <LetterDocument l={m.mirror.letter} id="letter-mirror" />
        </section>
      )}
    </>
  );
}

/** The public page after posting the form: what to do, then the letters. */
export function LetterResultPage(props: {
  ctx: PageContext;
  m: LettersModel;
  back: string;
  pdf: { action: string; values: FormValues };
}) {
  const { ctx, m } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('letter.result.title')} search={false}>
      <div class="no-print">
        <p>
          <a class="back-link" href={props.back}>
            {t.t('letter.form.back')}
          </a>
        </p>
        <h1>{t.t('letter.result.title')}</h1>
        <p>{t.t('letter.result.steps')}</p>
        <p class="hint">{t.t('letter.result.noStore')}</p>
        <form method="post" action={props.pdf.action} class="actions">
          {Object.entries(props.pdf.values).map(([k, v]) => (
            <input type="hidden" name={k} value={v} key={k} />
          ))}
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action button print-button"
            hidden
          >
            {t.t('ui.result.print')}
          </button>{' '}
          <button type="submit" class="utrecht-button utrecht-button--secondary-action button">
            {t.t('letter.form.pdf')}
          </button>
        </form>
      </div>
      <Letters t={t} m={m} />
    </Page>
  );
}

/** The printable document alone (the PDF): the letters without the site around them. */
export function LetterPrint({
  t,
  m,
  css,
  title,
}: {
  t: Translator;
  m: LettersModel;
  css: string;
  title: string;
}) {
  return (
    <html lang={m.dutch.lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body class="letter-print">
        <main>
          <Letters t={t} m={m} />
        </main>
      </body>
    </html>
  );
}
