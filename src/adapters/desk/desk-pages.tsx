/**
 * The desk's server-rendered pages (Dutch and English, no script needed). Forms post with a CSRF
 * token in a hidden field; the session is the same as the API's. Everything goes through the same
 * desk service as the API, so the policy, the history and the audit log are the same.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '#adapters/content/load-messages.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import type { User } from '#domain/desk/model.ts';
import { DeskError, type DeskService } from '#domain/desk/service.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { LETTER_FIELDS, type LetterField } from '#domain/letters/letters.ts';
import { inconsistencyText } from '#i18n/fact-problems.ts';
import {
  DeskLetterFormPage,
  DeskLetterPage,
  type DeskLetterRequest,
  type DeskLetters,
} from './desk-letters.tsx';
import type { SessionManager } from './sessions.ts';
import { newToken, tokenHash } from './tokens.ts';
import { ACTS, DUE_WINDOWS } from './views/dashboard-filters.tsx';
import { type DeskContext, type DeskLocale, DeskPage, isDeskLocale } from './views/desk-layout.tsx';
import { type FormValues, factsToForm, formToBody } from './views/fact-fields.tsx';
import {
  AccountsPage,
  CalendarPage,
  DashboardPage,
  ErasePage,
  ImpactPage,
  LoginPage,
  NewPersonPage,
  PersonPage,
} from './views/pages.tsx';

export interface DeskPagesOptions {
  service: DeskService;
  sessions: SessionManager;
  store: DeskStore;
  today: () => PlainDate;
  /** The site's CSS (inlined) and the Content-Security-Policy that allows it. */
  assets: () => { css: string; csp: string };
  /** Letters to DUO (made by the web adapter, handed over by the app). */
  letters: DeskLetters;
}

type Form = Record<string, string | string[]>;
type LangReq = FastifyRequest<{ Params: { lang: string; id?: string }; Querystring: Record<string, string> }>;

export async function deskPages(app: FastifyInstance, options: DeskPagesOptions) {
  const { service, sessions } = options;

  const context = (locale: DeskLocale, path: string, user?: User, csrf?: string): DeskContext => ({
    t: translator(locale),
    locale,
    css: options.assets().css,
    path,
    ...(user ? { user: { name: user.name, role: user.role, team: user.teamName } } : {}),
    ...(csrf ? { csrf } : {}),
  });
  const send = (reply: FastifyReply, page: VNode, status = 200) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', options.assets().csp)
      .header('cache-control', 'no-store')
      .send(`<!doctype html>${renderToString(page)}`);
  const message = (reply: FastifyReply, ctx: DeskContext, status: number, key: string) =>
    send(
      reply,
      <DeskPage ctx={ctx} title={ctx.t.t(key)}>
        <h1>{ctx.t.t(key)}</h1>
        <p>
          <a href={`/desk/${ctx.locale}/`}>{ctx.t.t('desk.dashboard.title')}</a>
        </p>
      </DeskPage>,
      status,
    );

  /** The signed-in user and a page context, or a redirect to sign in. */
  const signedIn = async (request: LangReq, reply: FastifyReply, path: string) => {
    const locale = request.params.lang as DeskLocale;
    const s = await sessions.fromRequest(request);
    if (!s) {
      void reply.redirect(`/desk/${locale}/login`, 303);
      return undefined;
    }
    if (request.method === 'POST') {
      const token = (request.body as Form | undefined)?._csrf;
      if (typeof token !== 'string' || token !== s.csrfToken) {
        void message(reply, context(locale, path, s.user, s.csrfToken), 403, 'desk.error.csrf');
        return undefined;
      }
    }
    return { user: s.user, ctx: context(locale, path, s.user, s.csrfToken) };
  };

  /** Desk errors as pages: a field error re-shows the form; 404/403/409 say what happened. */
  const fail = (reply: FastifyReply, ctx: DeskContext, error: unknown) => {
    if (!(error instanceof DeskError)) throw error;
    if (error.status === 404) return message(reply, ctx, 404, 'desk.error.notFound');
    if (error.status === 403) return message(reply, ctx, 403, 'desk.error.forbidden');
    throw error;
  };

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 32 * 1024 },
    (_req, body, done) => {
      const form: Form = {};
      for (const [k, v] of new URLSearchParams(String(body))) {
        const prev = form[k];
        form[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, form);
    },
  );

  app.get('/desk', async (request, reply) => {
    const en = /^en\b/i.test(String(request.headers['accept-language'] ?? ''));
    return reply.redirect(`/desk/${en ? 'en' : 'nl'}/`, 302);
  });

  // Only the two desk languages; anything else is a plain 404 (never a redirect elsewhere).
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    const lang = (request.params as { lang?: string } | undefined)?.lang;
    if (
      lang !== undefined &&
      request.url.startsWith('/desk/') &&
      !request.url.startsWith('/desk/api/') &&
      !request.url.startsWith('/desk/calendar/') &&
      !isDeskLocale(lang)
    )
      return message(reply, context('en', '/'), 404, 'desk.error.notFound');
  });

  app.get('/desk/:lang/login', async (request: LangReq, reply) =>
    send(reply, <LoginPage ctx={context(request.params.lang as DeskLocale, '/login')} />),
  );

  app.post('/desk/:lang/login', async (request: LangReq, reply) => {
    const locale = request.params.lang as DeskLocale;
    const form = (request.body ?? {}) as Form;
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const outcome = await sessions.login(
      email,
      typeof form.password === 'string' ? form.password : '',
      request.ip,
    );
    const ctx = context(locale, '/login');
    if (outcome.kind !== 'ok')
      return send(
        reply,
        <LoginPage
          ctx={ctx}
          email={email}
          error={ctx.t.t(outcome.kind === 'locked' ? 'desk.login.locked' : 'desk.login.wrong')}
        />,
        outcome.kind === 'locked' ? 429 : 401,
      );
    sessions.setCookie(reply, outcome.token);
    return reply.redirect(`/desk/${locale}/`, 303);
  });

  app.post('/desk/:lang/logout', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/');
    if (!s) return reply;
    await sessions.logout(request, reply);
    return reply.redirect(`/desk/${s.ctx.locale}/login`, 303);
  });

  app.get('/desk/:lang/', async (request: LangReq, reply) => {
    const q = request.query;
    const s = await signedIn(request, reply, `/?${new URLSearchParams(q).toString()}`);
    if (!s) return reply;
    const due = (DUE_WINDOWS as readonly string[]).includes(q.due ?? '') ? Number(q.due) : undefined;
    const act = (ACTS as readonly string[]).includes(q.act ?? '') ? q.act : undefined;
    // Only what the caller may choose counts: another team's or account's id is ignored (never a hint).
    const choices = await service.filterChoices(s.user);
    const team = choices.teams.some((x) => x.id === q.team) ? q.team : undefined;
    const helper =
      q.mine === '1' ? s.user.id : choices.helpers.some((h) => h.id === q.helper) ? q.helper : undefined;
    const people = await service.list(s.user, {
      ...(due !== undefined ? { dueWithinDays: due } : {}),
      ...(act ? { regime: act } : {}),
      ...(team ? { teamId: team } : {}),
      ...(helper ? { createdBy: helper } : {}),
    });
    return send(
      reply,
      <DashboardPage
        ctx={s.ctx}
        people={people}
        filter={{
          ...(due !== undefined ? { due: String(due) } : {}),
          ...(act ? { act } : {}),
          ...(team ? { team } : {}),
          ...(helper ? { helper } : {}),
        }}
        choices={choices}
        me={s.user.id}
        today={options.today()}
      />,
    );
  });

  app.get('/desk/:lang/people/new', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/people/new');
    if (!s) return reply;
    return send(reply, <NewPersonPage ctx={s.ctx} values={{ language: '' }} />);
  });

  app.post('/desk/:lang/people', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/people/new');
    if (!s) return reply;
    const form = request.body as Form;
    try {
      const v = await service.create(s.user, formToBody(form));
      return reply.redirect(`/desk/${s.ctx.locale}/people/${v.person.id}`, 303);
    } catch (error) {
      if (error instanceof DeskError && error.status === 400)
        return send(
          reply,
          <NewPersonPage ctx={s.ctx} values={form as FormValues} errors={fieldErrors(s.ctx, error)} />,
          400,
        );
      return fail(reply, s.ctx, error);
    }
  });

  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const personPage = async (
    request: LangReq,
    reply: FastifyReply,
    extra: {
      values?: FormValues;
      errors?: { field: string; message: string }[];
      conflict?: boolean;
      status?: number;
    } = {},
  ) => {
    const id = request.params.id ?? '';
    const s = await signedIn(request, reply, `/people/${id}`);
    if (!s) return reply;
    try {
      if (!UUID.test(id)) throw new DeskError(404, 'not-found', 'No such person.');
      if (request.method === 'POST' && !extra.errors && !extra.conflict) {
        const form = request.body as Form;
        const version = Number(form.version);
        try {
          await service.update(s.user, id, version, formToBody(form));
          return reply.redirect(`/desk/${s.ctx.locale}/people/${id}`, 303);
        } catch (error) {
          if (error instanceof DeskError && error.status === 400)
            return personPage(request, reply, {
              values: form as FormValues,
              errors: fieldErrors(s.ctx, error),
              status: 400,
            });
          if (error instanceof DeskError && error.status === 409)
            return personPage(request, reply, { conflict: true, status: 409 });
          throw error;
        }
      }
      const v = await service.get(s.user, id);
      await service.markSeen(id, v);
      return send(
        reply,
        <PersonPage
          ctx={s.ctx}
          view={v}
          letters={options.letters
            .offered(v.assessment)
            .map((l) => ({ id: l.optionId, sendFrom: l.sendFrom }))}
          today={options.today()}
          values={extra.values ?? factsToForm(v.person)}
          {...(extra.errors ? { errors: extra.errors } : {})}
          {...(extra.conflict ? { conflict: true } : {})}
        />,
        extra.status ?? 200,
      );
    } catch (error) {
      return fail(reply, s.ctx, error);
    }
  };
  app.get('/desk/:lang/people/:id', (request: LangReq, reply) => personPage(request, reply));
  app.post('/desk/:lang/people/:id', (request: LangReq, reply) => personPage(request, reply));

  // Letters to DUO for the person's stored answer. The details typed into the letter (name,
  // address, date of birth, BSN) are used once to print it: never stored, never logged; the audit
  // log says "letter made", with the person's id only.
  const letterContext = async (request: DeskLetterRequest, reply: FastifyReply) => {
    const { id, option } = request.params;
    const s = await signedIn(request as unknown as LangReq, reply, `/people/${id}/letters/${option}`);
    if (!s) return undefined;
    try {
      if (!UUID.test(id)) throw new DeskError(404, 'not-found', 'No such person.');
      const v = await service.get(s.user, id);
      const letter = options.letters.letter(v.assessment, option);
      if (!letter) throw new DeskError(404, 'not-found', 'No such letter.');
      const base = `/desk/${s.ctx.locale}/people/${id}`;
      return {
        s,
        v,
        letter,
        base,
        action: `${base}/letters/${option}`,
        pdfAction: `${base}/letters/${option}/pdf`,
      };
    } catch (error) {
      void fail(reply, s.ctx, error);
      return undefined;
    }
  };
  const letterForm = (
    c: NonNullable<Awaited<ReturnType<typeof letterContext>>>,
    values: Partial<Record<LetterField, string>>,
    errors: { field: LetterField; message: string }[] = [],
  ) => (
    <DeskLetterFormPage
      ctx={c.s.ctx}
      personName={c.v.person.displayName}
      back={`${c.base}#letters-h`}
      problem={errors.length > 0}
      form={options.letters.form(c.s.ctx.t, c.letter, {
        action: c.action,
        pdfAction: c.pdfAction,
        back: `${c.base}#letters-h`,
        values,
        errors,
        hidden: { _csrf: c.s.ctx.csrf ?? '' },
      })}
    />
  );

  app.get('/desk/:lang/people/:id/letters/:option', async (request: DeskLetterRequest, reply) => {
    const c = await letterContext(request, reply);
    if (!c) return reply;
    return send(reply, letterForm(c, { date: options.today().toString() }));
  });

  const makeLetter = async (request: DeskLetterRequest, reply: FastifyReply, pdf: boolean) => {
    const c = await letterContext(request, reply);
    if (!c) return reply;
    const form = (request.body ?? {}) as Form;
    const read = options.letters.read(c.s.ctx.t, form, options.today());
    if (!read.ok) return send(reply, letterForm(c, read.values, read.errors), 400);
    const language = c.v.person.language;
    if (pdf) {
      const gone = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) gone.abort();
      });
      const file = await options.letters.pdf(
        options.letters.print(c.s.ctx.t, c.letter, read.input, language),
        gone.signal,
      );
      if (!file) {
        if (gone.signal.aborted) return reply;
        return message(
          reply.header('retry-after', '30'),
          c.s.ctx,
          503,
          file === undefined ? 'ui.pdf.unavailable' : 'ui.pdf.busy',
        );
      }
      await service.audit(c.s.user, 'letter-made', c.v.person.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="letter-${c.letter.optionId}.pdf"`)
        .header('cache-control', 'no-store')
        .send(file);
    }
    await service.audit(c.s.user, 'letter-made', c.v.person.id);
    const values: Record<string, string> = { _csrf: c.s.ctx.csrf ?? '' };
    for (const f of LETTER_FIELDS) if (typeof form[f] === 'string') values[f] = form[f];
    return send(
      reply,
      <DeskLetterPage
        ctx={c.s.ctx}
        personName={c.v.person.displayName}
        back={`${c.base}#letters-h`}
        lettersHtml={options.letters.letters(c.s.ctx.t, c.letter, read.input, language)}
        pdf={{ action: c.pdfAction, values }}
      />,
    );
  };
  app.post('/desk/:lang/people/:id/letters/:option', (request: DeskLetterRequest, reply) =>
    makeLetter(request, reply, false),
  );
  app.post('/desk/:lang/people/:id/letters/:option/pdf', (request: DeskLetterRequest, reply) =>
    makeLetter(request, reply, true),
  );

  app.get('/desk/:lang/people/:id/erase', async (request: LangReq, reply) => {
    const id = request.params.id ?? '';
    const s = await signedIn(request, reply, `/people/${id}/erase`);
    if (!s) return reply;
    try {
      if (!UUID.test(id)) throw new DeskError(404, 'not-found', 'No such person.');
      const v = await service.get(s.user, id);
      return send(reply, <ErasePage ctx={s.ctx} name={v.person.displayName} id={id} />);
    } catch (error) {
      return fail(reply, s.ctx, error);
    }
  });

  app.post('/desk/:lang/people/:id/erase', async (request: LangReq, reply) => {
    const id = request.params.id ?? '';
    const s = await signedIn(request, reply, `/people/${id}/erase`);
    if (!s) return reply;
    try {
      if (!UUID.test(id)) throw new DeskError(404, 'not-found', 'No such person.');
      await service.erase(s.user, id);
      return reply.redirect(`/desk/${s.ctx.locale}/`, 303);
    } catch (error) {
      return fail(reply, s.ctx, error);
    }
  });

  app.get('/desk/:lang/impact', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/impact');
    if (!s) return reply;
    try {
      const rows = await service.impact(s.user);
      return send(reply, <ImpactPage ctx={s.ctx} rows={rows} version={service.rulesVersion} />);
    } catch (error) {
      return fail(reply, s.ctx, error);
    }
  });

  // The organisation's accounts, for its admin only (the policy decides: 403 for other roles).
  app.get('/desk/:lang/accounts', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/accounts');
    if (!s) return reply;
    try {
      return send(
        reply,
        <AccountsPage ctx={s.ctx} accounts={await service.accounts(s.user)} me={s.user.id} />,
      );
    } catch (error) {
      return fail(reply, s.ctx, error);
    }
  });

  app.post('/desk/:lang/accounts', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/accounts');
    if (!s) return reply;
    const form = (request.body ?? {}) as Form;
    try {
      const id = typeof form.account === 'string' ? form.account : '';
      if (!UUID.test(id) || (form.do !== 'disable' && form.do !== 'enable'))
        throw new DeskError(404, 'not-found', 'No such account.');
      await service.setAccountDisabled(s.user, id, form.do === 'disable');
      return reply.redirect(`/desk/${s.ctx.locale}/accounts#account-${id}`, 303);
    } catch (error) {
      return fail(reply, s.ctx, error);
    }
  });

  app.get('/desk/:lang/calendar', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/calendar');
    if (!s) return reply;
    return send(reply, <CalendarPage ctx={s.ctx} />);
  });

  app.post('/desk/:lang/calendar', async (request: LangReq, reply) => {
    const s = await signedIn(request, reply, '/calendar');
    if (!s) return reply;
    const revoke = (request.body as Form).do === 'revoke';
    if (revoke) {
      await options.store.setCalendarToken(s.user.id, null);
      return send(reply, <CalendarPage ctx={s.ctx} />);
    }
    const token = newToken();
    await options.store.setCalendarToken(s.user.id, tokenHash(token));
    const origin = `${request.protocol}://${request.host}`;
    return send(reply, <CalendarPage ctx={s.ctx} url={`${origin}/desk/calendar/${token}.ics`} />);
  });
}

/**
 * The page a desk request gets while its database is down (503): in the desk language of the
 * address, with the same frame as every desk page, and nothing about what failed.
 */
export function unavailableHtml(url: string, css: string): string {
  const m = /^\/desk\/(nl|en)(\/[^?#]*)?/.exec(url);
  const locale: DeskLocale = m?.[1] === 'en' ? 'en' : 'nl';
  const t = translator(locale);
  const ctx: DeskContext = { t, locale, css, path: m?.[2] ?? '/' };
  return `<!doctype html>${renderToString(
    <DeskPage ctx={ctx} title={t.t('desk.error.unavailableTitle')}>
      <h1>{t.t('desk.error.unavailableTitle')}</h1>
      <p>{t.t('desk.error.unavailable')}</p>
    </DeskPage>,
  )}`;
}

/**
 * The service's field problems, in the desk's language where the catalog has a text for them.
 * Facts that cannot all be true say why, as the public check does (the same catalog texts): the
 * values and the other field named, beside every field involved.
 */
function fieldErrors(ctx: DeskContext, error: DeskError) {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return error.fields.map((f) => {
    const clash =
      f.problem === 'inconsistent'
        ? error.inconsistencies.find(
            (i) =>
              i.rule === f.rule &&
              same(
                i.fields.map((g) => `facts.${g}`),
                f.with ?? [],
              ),
          )
        : undefined;
    if (clash) return { field: f.field, message: inconsistencyText(ctx.t, clash, 'helper') };
    const fact = f.field.replace(/^facts\./, '');
    const label = ctx.t.has(`question.${fact}.title`)
      ? ctx.t.t(`question.${fact}.title`)
      : ctx.t.t(`desk.field.${fact}`);
    return { field: f.field, message: `${label}: ${ctx.t.t(`desk.problem.${f.problem}`)}` };
  });
}
