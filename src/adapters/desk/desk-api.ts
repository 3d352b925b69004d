/**
 * The case desk's JSON API under /desk/api/v1 (spec/desk-api.md). A session cookie (HttpOnly,
 * SameSite=Strict, the token stored only as a hash) and a CSRF header on every change; the policy
 * and the team scope are applied by the desk service; every read and change of a person is
 * audited; nothing here is cached or kept by a service worker.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '#domain/desk/model.ts';
import { DeskError, type DeskService, type ListView, type PersonView } from '#domain/desk/service.ts';
import { SESSION_COOKIE, type SessionManager } from './sessions.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE = '/desk/api/v1';

declare module 'fastify' {
  interface FastifyRequest {
    deskUser?: User;
  }
}

export interface DeskApiOptions {
  service: DeskService;
  sessions: SessionManager;
  /** The public origin for calendar links (from the request when absent). */
}

export function listEntry(v: ListView) {
  const s = v.person.summary;
  return {
    id: v.person.id,
    displayName: v.person.displayName,
    language: v.person.language,
    teamId: v.person.teamId,
    version: v.person.version,
    rulesVersion: v.person.rulesVersion,
    assessment: {
      regime: s.regime,
      obligation: s.obligation,
      termEnd: s.termEnd,
      applyFrom: s.applyFrom,
      options: s.options,
      missing: s.missing ?? [],
    },
    nextAction: v.nextAction,
    changedSinceSeen: v.changedSinceSeen,
  };
}

function personBody(v: PersonView) {
  const p = v.person;
  return {
    id: p.id,
    displayName: p.displayName,
    language: p.language,
    teamId: p.teamId,
    version: p.version,
    facts: p.facts,
    consentAt: p.consentAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    rulesVersion: p.rulesVersion,
    assessment: v.assessment,
    nextAction: v.nextAction,
    changedSinceSeen: v.changedSinceSeen,
  };
}

const objectBody = (request: FastifyRequest): Record<string, unknown> => {
  const b = request.body;
  if (!b || typeof b !== 'object' || Array.isArray(b))
    throw new DeskError(400, 'invalid-request', 'Send a JSON object.', [
      { field: 'body', problem: 'wrong-type', message: 'The body must be a JSON object.' },
    ]);
  return b as Record<string, unknown>;
};

export async function deskApiRoutes(app: FastifyInstance, { service, sessions }: DeskApiOptions) {
  const user = (request: FastifyRequest): User => {
    if (!request.deskUser) throw new DeskError(403, 'forbidden', 'Not signed in.');
    return request.deskUser;
  };
  const idOf = (request: FastifyRequest): string => {
    const id = (request.params as { id?: string }).id ?? '';
    if (!UUID.test(id)) throw new DeskError(404, 'not-found', 'No such person.');
    return id;
  };

  // Every desk API request: not cached; signed in (but for logging in); a CSRF token on changes.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(`${BASE}/`) && request.url !== BASE) return;
    reply.header('cache-control', 'no-store');
    if (request.url.startsWith(`${BASE}/session`) && request.method === 'POST') return;
    const session = await sessions.fromRequest(request);
    if (!session) return reply.code(401).send({ error: 'unauthenticated', message: 'Sign in first.' });
    if (
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      !sessions.csrfMatches(request, session.csrfToken)
    )
      return reply.code(403).send({ error: 'csrf', message: 'The x-csrf-token header is missing or wrong.' });
    request.deskUser = session.user;
  });

  app.post(`${BASE}/session`, async (request, reply) => {
    const body = objectBody(request);
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const outcome = await sessions.login(email, password, request.ip);
    if (outcome.kind === 'locked')
      return reply
        .code(429)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .send({ error: 'too-many-attempts', message: 'Too many failed attempts: wait and try again.' });
    if (outcome.kind === 'wrong')
      return reply
        .code(401)
        .send({ error: 'wrong-credentials', message: 'The e-mail address or the password is wrong.' });
    sessions.setCookie(reply, outcome.token);
    return { user: publicUser(outcome.user), csrfToken: outcome.csrfToken };
  });

  app.delete(`${BASE}/session`, async (request, reply) => {
    await sessions.logout(request, reply);
    return reply.code(204).send();
  });

  app.get(`${BASE}/people`, async (request) => {
    const q = request.query as Record<string, string | undefined>;
    const due = q.due === undefined ? undefined : Number(q.due);
    if (due !== undefined && (!Number.isInteger(due) || due < 0 || due > 3650))
      throw new DeskError(400, 'invalid-request', 'due must be a whole number of days from 0 to 3650.', [
        {
          field: 'due',
          problem: 'out-of-range',
          message: 'due must be a whole number of days from 0 to 3650.',
        },
      ]);
    const regime = q.act ?? q.regime;
    const list = await service.list(user(request), {
      ...(due !== undefined ? { dueWithinDays: due } : {}),
      ...(regime ? { regime } : {}),
      ...(q.helper ? { createdBy: q.helper } : {}),
      ...(q.team ? { teamId: q.team } : {}),
    });
    return { people: list.map(listEntry) };
  });

  app.post(`${BASE}/people`, async (request, reply) => {
    const v = await service.create(user(request), objectBody(request));
    return reply.code(201).header('etag', String(v.person.version)).send(personBody(v));
  });

  app.get(`${BASE}/people/:id`, async (request, reply) => {
    const id = idOf(request);
    const v = await service.get(user(request), id);
    await service.markSeen(id, v);
    return reply.header('etag', String(v.person.version)).send({ ...personBody(v), history: v.history });
  });

  app.patch(`${BASE}/people/:id`, async (request, reply) => {
    const id = idOf(request);
    const version = Number(
      String(request.headers['if-match'] ?? '')
        .replace(/^W\//, '')
        .replace(/"/g, ''),
    );
    if (!Number.isInteger(version) || version < 1)
      throw new DeskError(400, 'invalid-request', 'Send the version you changed in the If-Match header.', [
        {
          field: 'If-Match',
          problem: 'wrong-type',
          message: 'If-Match must be the version number from the last read.',
        },
      ]);
    const v = await service.update(user(request), id, version, objectBody(request));
    return reply.header('etag', String(v.person.version)).send(personBody(v));
  });

  app.delete(`${BASE}/people/:id`, async (request, reply) => {
    await service.erase(user(request), idOf(request));
    return reply.code(204).send();
  });

  app.get(`${BASE}/people/:id/export`, async (request, reply) => {
    const id = idOf(request);
    const data = await service.exportPerson(user(request), id);
    return reply.header('content-disposition', `attachment; filename="wegwijs-person-${id}.json"`).send(data);
  });

  app.get(`${BASE}/impact`, async (request) => {
    const from = (request.query as { from?: string }).from;
    return { people: await service.impact(user(request), from) };
  });
}

export function publicUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, org: u.org, team: u.teamName };
}

/** Desk errors as JSON with their status; anything else is the database or a bug: never a trace. */
export function deskErrorReply(error: unknown, reply: FastifyReply, databaseUp: boolean) {
  if (error instanceof DeskError)
    return reply.code(error.status).send({
      error: error.code,
      message: error.message,
      ...(error.fields.length ? { fields: error.fields } : {}),
      ...error.extra,
    });
  if (!databaseUp)
    return reply.code(503).header('retry-after', '30').send({
      error: 'unavailable',
      message: 'The case desk cannot reach its database. Try again in a minute.',
    });
  return undefined;
}

export { SESSION_COOKIE };
