/**
 * The desk's pages: sign-in, the dashboard, one person (answer, history, change, erase), the calendar
 * link, and whose answer a rule change moved.
 */
import type { Assessment } from '#domain/assess.ts';
import { type PlainDate, Temporal } from '#domain/dates/plain-date.ts';
import type { Account, AnswerSummary, HistoryEntry } from '#domain/desk/model.ts';
import { summarise } from '#domain/desk/next-action.ts';
import type { ListView, PersonView } from '#domain/desk/service.ts';
import { headlineOf, obligationTitleOf } from '#i18n/describe-assessment.ts';
import { type DashboardFilter, DashboardFilters, type FilterChoices } from './dashboard-filters.tsx';
import { type DeskContext, DeskPage, ErrorSummary, fieldId } from './desk-layout.tsx';
import { describeValue, FactFields, type FormValues } from './fact-fields.tsx';
import { SummaryDiff } from './summary-diff.tsx';

/**
 * A page that shows a problem says so first in its title, as the public check's pages do: without
 * script nothing moves the focus to the message, and the title is what a screen reader reads first.
 */
const withProblem = (ctx: DeskContext, title: string, problem: boolean) =>
  problem ? `${ctx.t.t('ui.error.title')}: ${title}` : title;

export function LoginPage({ ctx, error, email }: { ctx: DeskContext; error?: string; email?: string }) {
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={withProblem(ctx, t.t('desk.login.title'), !!error)}>
      <h1>{t.t('desk.login.title')}</h1>
      {error && (
        <div class="alert error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <form method="post" action={`/desk/${ctx.locale}/login`} class="desk-form">
        <p class="field">
          <label for="email">{t.t('desk.login.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email ?? ''}
            class="utrecht-textbox utrecht-textbox--html-input"
          />
        </p>
        <p class="field">
          <label for="password">{t.t('desk.login.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            class="utrecht-textbox utrecht-textbox--html-input"
          />
        </p>
        <button type="submit" class="utrecht-button utrecht-button--primary-action button">
          {t.t('desk.login.submit')}
        </button>
      </form>
    </DeskPage>
  );
}

export function DashboardPage(props: {
  ctx: DeskContext;
  people: ListView[];
  filter: DashboardFilter;
  choices: FilterChoices;
  /** The signed-in account's id. */
  me: string;
  today: PlainDate;
}) {
  const { ctx, people, filter, today } = props;
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={t.t('desk.dashboard.title')}>
      <h1>{t.t('desk.dashboard.title')}</h1>
      <p>{t.t('desk.dashboard.intro', { count: people.length })}</p>
      <DashboardFilters ctx={ctx} filter={filter} choices={props.choices} me={props.me} />
      {people.length === 0 ? (
        <p>{t.t('desk.dashboard.empty')}</p>
      ) : (
        <ol class="desk-people">
          {people.map((v) => (
            <li key={v.person.id} class={`card action-${v.nextAction?.kind ?? 'none'}`}>
              <h2>
                <a href={`/desk/${ctx.locale}/people/${v.person.id}`}>{v.person.displayName}</a>
              </h2>
              {v.nextAction?.kind === 'send-letter' && (
                <p>
                  <a href={`/desk/${ctx.locale}/people/${v.person.id}#letters-h`}>
                    {t.t('desk.letters.toSend')}
                  </a>
                </p>
              )}
              {v.changedSinceSeen.length > 0 && <p class="badge">{t.t('desk.changedSinceSeen')}</p>}
              <p>
                {v.nextAction ? (
                  <>
                    <strong>{t.t(`desk.action.${v.nextAction.kind}`)}</strong>
                    {' – '}
                    {t.t('desk.due', {
                      date: t.date(v.nextAction.due),
                      relative: t.relative(v.nextAction.due, today),
                    })}
                  </>
                ) : (
                  obligationTitleOf(t, v.person.summary.obligation, !!v.person.summary.obligationOpen)
                )}
              </p>
              <p class="small">
                {v.person.summary.regime ? t.t(`regime.${v.person.summary.regime}`) : ''}
                {v.person.summary.termEnd
                  ? ` · ${t.t('ui.result.termEnd')}: ${t.date(Temporal.PlainDate.from(v.person.summary.termEnd))}`
                  : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </DeskPage>
  );
}

function AnswerCard({ ctx, a, today }: { ctx: DeskContext; a: Assessment; today: PlainDate }) {
  const { t } = ctx;
  return (
    <section class="card" aria-labelledby="answer-h">
      <h2 id="answer-h">{t.t('desk.person.answer')}</h2>
      <p>
        <strong>{headlineOf(t, a).headline}</strong>
      </p>
      <dl>
        {a.regime && (
          <div>
            <dt>{t.t('desk.filter.act')}</dt>
            <dd>{t.t(`regime.${a.regime}`)}</dd>
          </div>
        )}
        {a.termEnd && (
          <div>
            <dt>{t.t('ui.result.termEnd')}</dt>
            <dd>
              {t.date(a.termEnd)} ({t.relative(a.termEnd, today)})
            </dd>
          </div>
        )}
        {a.applyFrom && (
          <div>
            <dt>{t.t('ui.result.applyFrom')}</dt>
            <dd>{t.date(a.applyFrom)}</dd>
          </div>
        )}
      </dl>
      {a.options.length > 0 && (
        <>
          <h3>{t.t('result.options')}</h3>
          <ul>
            {a.options.map((o) => (
              <li key={`${o.id}-${o.variant}`}>
                {t.t(`option.${o.id}.title`)} – {t.t('ui.result.decidedBy')}:{' '}
                {t.t(`decidedBy.${o.decidedBy}`)}
                {o.canApplyNow ? ` · ${t.t('desk.person.canApplyNow')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.missing.length > 0 && (
        <>
          <h3>{t.t('desk.person.missing')}</h3>
          <ul>
            {a.missing.map((f) => (
              <li key={f}>
                <a href={`#${fieldId(f)}`}>{t.t(`question.${f}.title`)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function History({ ctx, history }: { ctx: DeskContext; history: HistoryEntry[] }) {
  const { t } = ctx;
  if (!history.length) return null;
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t.t('desk.person.history')}</h2>
      <ol class="history">
        {[...history].reverse().map((h) => (
          <li key={`${h.at}-${h.userId}`}>
            <p>
              <strong>{h.userName}</strong>,{' '}
              <time dateTime={h.at}>{h.at.slice(0, 16).replace('T', ' ')}</time> (UTC)
            </p>
            <ul>
              {Object.entries(h.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  {field.startsWith('facts.')
                    ? t.t(`question.${field.slice(6)}.title`)
                    : t.t(`desk.field.${field}`)}
                  : <bdi>{describeValue(t, field, before)}</bdi> → <bdi>{describeValue(t, field, after)}</bdi>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The letters to DUO the person's answer offers; the details go into the letter's form only. */
function LettersCard({ ctx, base, letters }: { ctx: DeskContext; base: string; letters: DeskLetterLink[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="letters-h" class="card" id="letters">
      <h2 id="letters-h">{t.t('letter.list.title')}</h2>
      {letters.length === 0 ? (
        <p>{t.t('desk.letters.none')}</p>
      ) : (
        <>
          <p>{t.t('desk.letters.lead')}</p>
          <ul class="letter-list">
            {letters.map((l) => (
              <li key={l.id}>
                <a href={`${base}/letters/${l.id}`} id={`letter-${l.id}`}>
                  {t.t('letter.list.make')}: {t.t(`option.${l.id}.title`)}
                </a>
                {l.sendFrom && (
                  <p class="hint">{t.t('letter.list.sendFrom', { date: t.date(l.sendFrom) })}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export interface DeskLetterLink {
  id: string;
  sendFrom: PlainDate | null;
}

export function PersonPage(props: {
  ctx: DeskContext;
  view: PersonView & { history: HistoryEntry[] };
  letters: DeskLetterLink[];
  today: PlainDate;
  values: FormValues;
  errors?: { field: string; message: string }[];
  conflict?: boolean;
}) {
  const { ctx, view, today } = props;
  const { t } = ctx;
  const base = `/desk/${ctx.locale}/people/${view.person.id}`;
  return (
    <DeskPage
      ctx={ctx}
      title={withProblem(ctx, view.person.displayName, !!props.conflict || !!props.errors?.length)}
    >
      <h1>{view.person.displayName}</h1>
      {props.conflict && (
        <div class="alert error" role="alert">
          <p>{t.t('desk.person.conflict')}</p>
        </div>
      )}
      <ErrorSummary t={t} errors={props.errors ?? []} />
      {view.changedSinceSeen.length > 0 && (
        <>
          <p class="badge">{t.t('desk.changedSinceSeen')}</p>
          {view.person.seenSummary && (
            <SummaryDiff ctx={ctx} before={view.person.seenSummary} after={summarise(view.assessment)} />
          )}
        </>
      )}
      {view.nextAction && (
        <p class="lead">
          <strong>{t.t(`desk.action.${view.nextAction.kind}`)}</strong> –{' '}
          {t.t('desk.due', {
            date: t.date(view.nextAction.due),
            relative: t.relative(view.nextAction.due, today),
          })}
        </p>
      )}
      <AnswerCard ctx={ctx} a={view.assessment} today={today} />
      <LettersCard ctx={ctx} base={base} letters={props.letters} />
      <h2>{t.t('desk.person.change')}</h2>
      <form method="post" action={base} class="desk-form">
        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
        <input type="hidden" name="version" value={String(view.person.version)} />
        <FactFields t={t} values={props.values} errors={props.errors ?? []} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action button">
          {t.t('desk.person.save')}
        </button>
      </form>
      <History ctx={ctx} history={view.history} />
      <section aria-labelledby="data-h" class="card">
        <h2 id="data-h">{t.t('desk.person.data')}</h2>
        <p>
          <a href={`/desk/api/v1/people/${view.person.id}/export`}>{t.t('desk.person.export')}</a>
        </p>
        <p>
          <a href={`${base}/erase`}>{t.t('desk.person.erase')}</a>
        </p>
      </section>
    </DeskPage>
  );
}

export function NewPersonPage(props: {
  ctx: DeskContext;
  values: FormValues;
  errors?: { field: string; message: string }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={withProblem(ctx, t.t('desk.person.new'), !!props.errors?.length)}>
      <h1>{t.t('desk.person.new')}</h1>
      <ErrorSummary t={t} errors={props.errors ?? []} />
      <p>{t.t('desk.person.minimal')}</p>
      <form method="post" action={`/desk/${ctx.locale}/people`} class="desk-form">
        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
        <FactFields t={t} values={props.values} errors={props.errors ?? []} withConsent />
        <button type="submit" class="utrecht-button utrecht-button--primary-action button">
          {t.t('desk.person.add')}
        </button>
      </form>
    </DeskPage>
  );
}

export function ErasePage({ ctx, name, id }: { ctx: DeskContext; name: string; id: string }) {
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={t.t('desk.person.erase')}>
      <h1>{t.t('desk.erase.title', { name })}</h1>
      <p>{t.t('desk.erase.text')}</p>
      <form method="post" action={`/desk/${ctx.locale}/people/${id}/erase`}>
        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action button danger">
          {t.t('desk.erase.confirm')}
        </button>{' '}
        <a href={`/desk/${ctx.locale}/people/${id}`}>{t.t('desk.erase.cancel')}</a>
      </form>
    </DeskPage>
  );
}

export function CalendarPage({ ctx, url }: { ctx: DeskContext; url?: string }) {
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={t.t('desk.calendar.title')}>
      <h1>{t.t('desk.calendar.title')}</h1>
      <p>{t.t('desk.calendar.text')}</p>
      {url && (
        <p class="card">
          <label for="cal-url">{t.t('desk.calendar.yourLink')}</label>
          <input
            id="cal-url"
            type="text"
            readOnly
            value={url}
            class="utrecht-textbox utrecht-textbox--html-input"
          />
        </p>
      )}
      <form method="post" action={`/desk/${ctx.locale}/calendar`} class="inline-form">
        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
        <button
          type="submit"
          name="do"
          value="new"
          class="utrecht-button utrecht-button--secondary-action button"
        >
          {t.t('desk.calendar.new')}
        </button>{' '}
        <button
          type="submit"
          name="do"
          value="revoke"
          class="utrecht-button utrecht-button--secondary-action button"
        >
          {t.t('desk.calendar.revoke')}
        </button>
      </form>
    </DeskPage>
  );
}

/** One person whose stored answer differs from the answer under the current rules. */
export interface ImpactRow {
  id: string;
  displayName: string;
  before: AnswerSummary;
  after: AnswerSummary;
}

export function ImpactPage({ ctx, rows, version }: { ctx: DeskContext; rows: ImpactRow[]; version: string }) {
  const { t } = ctx;
  return (
    <DeskPage ctx={ctx} title={t.t('desk.impact.title')}>
      <h1>{t.t('desk.impact.title')}</h1>
      <p>{t.t('desk.impact.intro', { version })}</p>
      {rows.length === 0 ? (
        <p>{t.t('desk.impact.none')}</p>
      ) : (
        <ul class="desk-people">
          {rows.map((r) => (
            <li key={r.id} class="card">
              <h2>
                <a href={`/desk/${ctx.locale}/people/${r.id}`}>{r.displayName}</a>
              </h2>
              <SummaryDiff ctx={ctx} before={r.before} after={r.after} />
            </li>
          ))}
        </ul>
      )}
    </DeskPage>
  );
}

/**
 * The organisation's accounts for its admin (docs/desk.md, "When a volunteer leaves"): who works at
 * the desk, whether the account is disabled, the last sign-in, and a button to disable or enable it.
 * An admin's own account has no disable button.
 */
export function AccountsPage({ ctx, accounts, me }: { ctx: DeskContext; accounts: Account[]; me: string }) {
  const { t } = ctx;
  const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} (UTC)`;
  return (
    <DeskPage ctx={ctx} title={t.t('desk.accounts.title')}>
      <h1>{t.t('desk.accounts.title')}</h1>
      <p>{t.t('desk.accounts.intro')}</p>
      <ul class="desk-people">
        {accounts.map((a) => (
          <li key={a.id} class="card">
            <h2 id={`account-${a.id}`}>{a.name}</h2>
            <dl>
              <dt>{t.t('desk.login.email')}</dt>
              <dd>{a.email}</dd>
              <dt>{t.t('desk.accounts.role')}</dt>
              <dd>{t.t(`desk.accounts.role.${a.role}`)}</dd>
              <dt>{t.t('desk.filter.team')}</dt>
              <dd>{a.teamName}</dd>
              <dt>{t.t('desk.accounts.status')}</dt>
              <dd>
                {a.disabledAt ? (
                  <>
                    {t.t('desk.accounts.disabledSince')}{' '}
                    <time dateTime={a.disabledAt}>{when(a.disabledAt)}</time>
                  </>
                ) : (
                  t.t('desk.accounts.active')
                )}
              </dd>
              <dt>{t.t('desk.accounts.lastSignIn')}</dt>
              <dd>
                {a.lastSignInAt ? (
                  <time dateTime={a.lastSignInAt}>{when(a.lastSignInAt)}</time>
                ) : (
                  t.t('desk.accounts.never')
                )}
              </dd>
            </dl>
            {(a.disabledAt || a.id !== me) && (
              <form method="post" action={`/desk/${ctx.locale}/accounts`} class="inline-form">
                <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
                <input type="hidden" name="account" value={a.id} />
                <button
                  type="submit"
                  name="do"
                  value={a.disabledAt ? 'enable' : 'disable'}
                  class="utrecht-button utrecht-button--secondary-action button"
                >
                  {t.t(a.disabledAt ? 'desk.accounts.enable' : 'desk.accounts.disable', { name: a.name })}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </DeskPage>
  );
}
