/** The personal result: the answer, the dates, the options with who decides and what to bring, why, and whom to ask. */
import type { Contacts } from '#adapters/content/load-contacts.ts';
import type { AfterTermText, AssessmentText, OptionText, SourceText } from '#i18n/describe-assessment.ts';
import { direction } from '#i18n/locales.ts';
import type { Translator } from '#i18n/translate.ts';
import { HelpDirectory, type Now } from './help.tsx';
import { Page, type PageContext } from './layout.tsx';
import { type LetterLink, LetterList } from './letter.tsx';
import { ReadAloud } from './read-aloud.tsx';
import { TermTimeline, type TimelineModel } from './timeline.tsx';

export interface ResultLinks {
  summary: string;
  pdf: string;
  ics: string | null;
  restart: string;
  /** The question that gives the end of the term, when it is not known (answer it after all). */
  termUnknown?: string | null;
}

export interface ResultDates {
  termStart?: { date: string; relative: string };
  termEnd?: { date: string; relative: string };
  applyFrom?: { date: string; relative: string };
}

/** The source's own words ("Source: Wet inburgering 2021, art. 54. Checked on …") are the link. */
function Source({ s }: { s: SourceText }) {
  return (
    <p class="source">
      <a href={s.url} rel="noreferrer">
        {s.text}
      </a>
    </p>
  );
}

/** After a missed deadline: the steps under the person's act, read first. */
function AfterTerm({ a }: { a: AfterTermText }) {
  return (
    <section class="card after-term" aria-labelledby="after-term-heading">
      <h2 id="after-term-heading">{a.title}</h2>
      <p>{a.lead}</p>
      <ol>
        {a.steps.map((s) => (
          <li key={s.id} id={`after-term-${s.id}`}>
            <p>{s.text}</p>
            {s.caution && <p class="caution">{s.caution}</p>}
            <Source s={s.source} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function OptionCard({ t, o }: { t: Translator; o: OptionText }) {
  if (o.closed)
    return (
      <section class="card option closed" id={`option-${o.id}`}>
        <h3>{o.title}</h3>
        <p>
          <strong>{t.t('ui.result.decidedBy')}:</strong> {o.decidedBy} {o.timing}
        </p>
        <Source s={o.source} />
      </section>
    );
  return (
    <section class="card option" id={`option-${o.id}`}>
      <h3>{o.title}</h3>
      <p>
        <strong>{t.t('ui.result.decidedBy')}:</strong> {o.decidedBy} {o.timing}
      </p>
      {o.extraTime && <p>{o.extraTime}</p>}
      {o.partial && <p>{o.partial}</p>}
      {o.caution && <p class="caution">{o.caution}</p>}
      {o.toCheck && <p class="caution">{o.toCheck}</p>}
      {o.conditions.length > 0 && (
        <>
          <h4>{t.t('ui.result.conditions')}</h4>
          <ul>
            {o.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {o.evidence.length > 0 && (
        <>
          <h4>{t.t('ui.result.proof')}</h4>
          <ul>
            {o.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{t.t('ui.result.howToApply')}</h4>
      {o.form && <p>{o.form}</p>}
      <p>{o.applyVia}</p>
      <Source s={o.source} />
    </section>
  );
}

export function ResultPage(props: {
  ctx: PageContext;
  text: AssessmentText;
  dates: ResultDates;
  timeline: TimelineModel | null;
  links: ResultLinks;
  /** Letters to DUO the answer offers (none in the PDF of the result: they need typed details). */
  letters?: LetterLink[];
  contacts: Contacts;
  now: Now;
}) {
  const { ctx, text, dates, links } = props;
  const { t } = ctx;
  const open = text.options.filter((o) => !o.closed);
  const closed = text.options.filter((o) => o.closed);
  return (
    <Page ctx={ctx} title={t.t('ui.result.title')}>
      <ReadAloud ctx={ctx} read="#main" />
      <h1 class={`outcome outcome-${text.obligation}`}>{text.headline}</h1>
      {text.headlineDetail && <p class="lead">{text.headlineDetail}</p>}
      {text.regime && <p>{text.regime}</p>}
      {text.termPassed && (
        <div class="alert error" role="alert">
          <p>{text.termPassed}</p>
        </div>
      )}
      {text.afterTerm && <AfterTerm a={text.afterTerm} />}
      {(dates.termEnd || dates.applyFrom || text.termUnknown) && (
        <section class="card dates" aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t.t('ui.result.term')}</h2>
          {text.termUnknown && <p class="term-unknown">{text.termUnknown}</p>}
          {text.termUnknown && links.termUnknown && (
            <p class="no-print">
              <a href={links.termUnknown}>{t.t('ui.result.termUnknown.answer')}</a>
            </p>
          )}
          <dl>
            {dates.termStart && (
              <div>
                <dt>{t.t('ui.result.termStart')}</dt>
                <dd>
                  <bdi>{dates.termStart.date}</bdi>
                </dd>
              </div>
            )}
            {dates.termEnd && (
              <div>
                <dt>{t.t('ui.result.termEnd')}</dt>
                <dd>
                  <strong>
                    <bdi>{dates.termEnd.date}</bdi>
                  </strong>{' '}
                  ({dates.termEnd.relative})
                </dd>
              </div>
            )}
            {dates.applyFrom && (
              <div>
                <dt>{t.t('ui.result.applyFrom')}</dt>
                <dd>
                  <bdi>{dates.applyFrom.date}</bdi> ({dates.applyFrom.relative})
                </dd>
              </div>
            )}
          </dl>
          {text.termEndCaution && <p class="caution">{text.termEndCaution}</p>}
          {text.aowBeforeTermEnd && <p class="caution">{text.aowBeforeTermEnd}</p>}
          {props.timeline && (
            <TermTimeline t={t} model={props.timeline} rtl={direction(ctx.locale) === 'rtl'} />
          )}
        </section>
      )}

      {(open.length > 0 || text.noOptions) && <h2>{t.t('result.options')}</h2>}
      {text.noOptions && <p>{text.noOptions}</p>}
      {open.map((o) => (
        <OptionCard t={t} o={o} key={o.id} />
      ))}
      {props.letters && <LetterList t={t} letters={props.letters} />}
      {closed.length > 0 && <h2>{t.t('result.options.closed')}</h2>}
      {closed.map((o) => (
        <OptionCard t={t} o={o} key={o.id} />
      ))}

      {text.consequences.length > 0 && (
        <>
          <h2>{t.t('result.consequences')}</h2>
          <ul class="consequences">
            {text.consequences.map((c) => (
              <li key={c.text}>
                {c.text} <em>{c.decidedBy}</em> <a href={c.source.url}>{t.t('ui.result.source')}</a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t.t('result.why')}</h2>
      <ul class="reasons">
        {text.reasons.map((r) => (
          <li key={r.text}>
            <p>{r.text}</p>
            <Source s={r.source} />
          </li>
        ))}
      </ul>

      {text.changes.length > 0 && (
        <>
          <h2>{t.t('result.changes')}</h2>
          <ul>
            {text.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}

      {text.lookups.length > 0 && (
        <>
          <h2>{t.t('result.lookup')}</h2>
          <ul>
            {text.lookups.map((l) => (
              <li key={l.fact}>{l.text}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{t.t('ui.result.whoToAsk')}</h2>
      <HelpDirectory t={t} contacts={props.contacts} now={props.now} headingLevel={3} />

      <section class="card keep no-print">
        <h2>{t.t('ui.result.keep')}</h2>
        <p>{t.t('ui.result.share')}</p>
        <p class="actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action button print-button"
            hidden
          >
            {t.t('ui.result.print')}
          </button>
          <a class="utrecht-button utrecht-button--secondary-action button" href={links.pdf}>
            {t.t('ui.result.pdf')}
          </a>
          {links.ics && (
            <a class="utrecht-button utrecht-button--secondary-action button" href={links.ics}>
              {t.t('ui.result.ics')}
            </a>
          )}
        </p>
        <p>
          <a href={links.summary}>{t.t('ui.result.changeAnswers')}</a> ·{' '}
          <a href={links.restart}>{t.t('ui.result.restart')}</a>
        </p>
      </section>
      <p class="disclaimer">{text.disclaimer}</p>
    </Page>
  );
}
