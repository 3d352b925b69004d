/** Knowledge-base pages: one answer in plain language, with its Dutch terms, sources, date checked and related questions. */
import { date } from '#domain/dates/plain-date.ts';
import { Page, type PageContext } from './layout.tsx';
import { ReadAloud } from './read-aloud.tsx';

export interface KbPageDoc {
  topic: string;
  title: string;
  summary: string;
  answerHtml: string;
  terms: [string, string][];
  sources: { url: string; label: string }[];
  related: { topic: string; title: string }[];
  /** Answers people confuse with this one ("If instead ..."). */
  siblings: { topic: string; title: string }[];
  check: boolean;
  lastChecked: string;
}

/**
 * "Save for offline use (about N KB)": nothing is downloaded for offline use until the person
 * asks. Shown by app.js only where a service worker can keep the pages; N is what the download
 * weighs, compressed, for this language.
 */
export function OfflineSave({ ctx, sizeKb }: { ctx: PageContext; sizeKb: number | undefined }) {
  const { t } = ctx;
  if (sizeKb === undefined) return null;
  return (
    <section class="offline-save no-print" data-offline-save hidden aria-live="polite">
      <p>{t.t('ui.offline.save.text')}</p>
      <button
        type="button"
        class="utrecht-button utrecht-button--secondary-action button"
        data-offline-save-button
      >
        {t.t('ui.offline.save.button', { size: sizeKb })}
      </button>
      <p data-offline-saving hidden>
        {t.t('ui.offline.save.saving')}
      </p>
      <p data-offline-saved hidden>
        {t.t('ui.offline.save.saved')}
      </p>
      <p data-offline-failed hidden>
        {t.t('ui.offline.save.failed')}
      </p>
    </section>
  );
}

export function KbPage({ ctx, doc, offlineKb }: { ctx: PageContext; doc: KbPageDoc; offlineKb?: number }) {
  const { t, locale } = ctx;
  return (
    <Page ctx={ctx} title={doc.title}>
      <p class="no-print">
        <a class="back-link" href={`/${locale}/kb`}>
          {t.t('ui.kb.title')}
        </a>
      </p>
      <ReadAloud ctx={ctx} read="article" />
      <article>
        <h1>{doc.title}</h1>
        <p class="lead">{doc.summary}</p>
        {doc.siblings.length > 0 && (
          <div class="if-instead">
            <p>{t.t('ui.kb.ifInstead')}</p>
            <ul>
              {doc.siblings.map((r) => (
                <li key={r.topic}>
                  <a href={`/${locale}/kb/${r.topic}`}>{r.title}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {/* Rendered from Markdown with raw HTML disabled (see markdown.ts). */}
        <div class="kb-answer" dangerouslySetInnerHTML={{ __html: doc.answerHtml }} />
      </article>
      {doc.check && (
        <p>
          <a class="utrecht-button utrecht-button--primary-action button" href={`/${locale}/check`}>
            {t.t('ui.kb.doCheck')}
          </a>
        </p>
      )}
      {doc.terms.length > 0 && (
        <>
          <h2>{t.t('ui.kb.terms')}</h2>
          <dl class="terms">
            {doc.terms.map(([nl, meaning]) => (
              <div key={nl}>
                <dt lang="nl" dir="ltr">
                  {nl}
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {doc.related.length > 0 && (
        <>
          <h2>{t.t('ui.kb.related')}</h2>
          <ul>
            {doc.related.map((r) => (
              <li key={r.topic}>
                <a href={`/${locale}/kb/${r.topic}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t.t('ui.kb.sources')}</h2>
      <ul class="sources">
        {sourceLabels(doc.sources, locale).map((s) => (
          <li key={s.url}>
            <a href={s.url} rel="noreferrer">
              {s.site === undefined ? (
                s.label
              ) : (
                <>
                  <bdi dir="ltr">{s.site}</bdi> — {t.t('ui.kb.source', { n: s.n })}
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
      <p class="small">{t.t('ui.kb.lastChecked', { date: t.date(date(doc.lastChecked)) })}</p>
      <OfflineSave ctx={ctx} sizeKb={offlineKb} />
    </Page>
  );
}

/** Languages the source labels are written for: the pages' own titles, in Dutch or English. */
const LABEL_LANGUAGES: readonly string[] = ['en', 'nl'];

/**
 * What a source link says. The labels in content/kb are "site — title of the page" in Dutch or
 * English (176 of them), too many to translate one by one: in the other languages the link shows
 * the site (or law) as written and a translated "page about this question", numbered when one
 * site has several pages here. The link and its target stay the same.
 */
export function sourceLabels(
  sources: readonly { url: string; label: string }[],
  locale: string,
): { url: string; label: string; site?: string; n: number }[] {
  if (LABEL_LANGUAGES.includes(locale)) return sources.map((s) => ({ ...s, n: 0 }));
  const siteOf = (label: string) =>
    (label.split(' — ')[0] ?? label)
      .replace(/\s*\([^)]*\)$/, '')
      .replace(/\barticle\b/, 'artikel')
      .trim();
  const total = new Map<string, number>();
  for (const s of sources) total.set(siteOf(s.label), (total.get(siteOf(s.label)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return sources.map((s) => {
    const site = siteOf(s.label);
    const n = (seen.get(site) ?? 0) + 1;
    seen.set(site, n);
    return { ...s, site, n: (total.get(site) ?? 0) > 1 ? n : 0 };
  });
}

export function KbIndexPage({
  ctx,
  topics,
  offlineKb,
}: {
  ctx: PageContext;
  topics: { topic: string; title: string }[];
  offlineKb?: number;
}) {
  const { t, locale } = ctx;
  return (
    <Page ctx={ctx} title={t.t('ui.kb.title')}>
      <h1>{t.t('ui.kb.title')}</h1>
      <ul class="entry-list">
        {topics.map((d) => (
          <li key={d.topic}>
            <a href={`/${locale}/kb/${d.topic}`}>{d.title}</a>
          </li>
        ))}
      </ul>
      <OfflineSave ctx={ctx} sizeKb={offlineKb} />
    </Page>
  );
}

export interface SearchHit {
  topic: string;
  title: string;
  summary: string;
  url: string;
}

export function SearchPage(props: {
  ctx: PageContext;
  query: string;
  hits: SearchHit[];
  confident: boolean;
  problem?: 'empty' | 'tooLong';
}) {
  const { ctx, query, hits, confident, problem } = props;
  const { t, locale } = ctx;
  return (
    <Page ctx={ctx} title={t.t('ui.search.title')}>
      <h1>{problem ? t.t('ui.search.title') : t.t('ui.search.results', { query })}</h1>
      {problem === 'empty' && <p>{t.t('ui.search.empty')}</p>}
      {problem === 'tooLong' && (
        <div class="alert error" role="alert">
          <p>{t.t('ui.search.tooLong')}</p>
        </div>
      )}
      {!problem && !confident && (
        <div class="alert" role="status">
          <p>{t.t('ui.search.notSure')}</p>
          <p>
            <a href={`/${locale}/help`}>{t.t('ui.start.q4')}</a>
          </p>
        </div>
      )}
      {hits.length > 0 && (
        <ol class="results">
          {hits.map((h) => (
            <li key={h.topic}>
              <a href={h.url}>
                <strong>{h.title}</strong>
              </a>
              <p class="small">{h.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}

export function OfflinePage({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx;
  return (
    <Page ctx={ctx} title={t.t('ui.offline.title')} search={false}>
      <h1>{t.t('ui.offline.title')}</h1>
      <p data-offline-text>{t.t('ui.offline.text')}</p>
      {/* Shown instead of the text above when the search below answers from the saved copy. */}
      <p data-offline-search-text hidden>
        {t.t('ui.offline.searchText')}
      </p>
      {/* Filled by offline-search.js when this page stands in for a search made offline. */}
      <section id="offline-results" hidden aria-live="polite">
        <h2>{t.t('ui.search.title')}</h2>
        <p class="alert" data-not-sure hidden>
          {t.t('ui.search.notSure')}
        </p>
        <ol class="results" />
      </section>
      <form class="search" aria-label={t.t('ui.search.label')} method="get" action={`/${locale}/search`}>
        <label for="q">{t.t('ui.search.label')}</label>
        <span class="search-row">
          <input id="q" name="q" type="search" dir="auto" maxLength={500} />
          <button type="submit" class="utrecht-button utrecht-button--secondary-action button">
            {t.t('ui.search.button')}
          </button>
        </span>
      </form>
      <script src="/assets/offline-search.js" defer />
      <p>
        <a href={`/${locale}/kb`}>{t.t('ui.kb.title')}</a>
      </p>
    </Page>
  );
}
