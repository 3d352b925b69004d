/**
 * Sign-in and sessions, kept in the database so several instances share them and a session can be
 * ended everywhere. The cookie holds a random token; the database holds only its hash. Five wrong
 * passwords lock the account for 15 minutes (stored, so it holds across instances); a burst from
 * one address is slowed here as well.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '#domain/desk/model.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { verifyPassword } from './password.ts';
import { newToken, sameToken, tokenHash } from './tokens.ts';

export const SESSION_COOKIE = 'wegwijs_desk';
const SESSION_HOURS = 8;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const PER_ADDRESS_PER_MINUTE = 20;

export type LoginOutcome =
  | { kind: 'ok'; user: User; token: string; csrfToken: string }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfterSeconds: number };

export interface SessionManager {
  login(email: string, password: string, address: string): Promise<LoginOutcome>;
  fromRequest(request: FastifyRequest): Promise<{ user: User; csrfToken: string } | undefined>;
  csrfMatches(request: FastifyRequest, expected: string): boolean;
  setCookie(reply: FastifyReply, token: string): void;
  logout(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export function sessionManager(
  store: DeskStore,
  options: { secureCookie: boolean; now?: () => Date } = { secureCookie: false },
): SessionManager {
  const now = options.now ?? (() => new Date());
  const attempts = new Map<string, { count: number; since: number }>();
  const audit = (user: User | null, action: 'login' | 'login-failed' | 'logout') =>
    store.audit({
      at: now().toISOString(),
      org: user?.org ?? null,
      userId: user?.id ?? null,
      action,
      personId: null,
    });

  const cookie = (value: string, maxAge: number) =>
    [
      `${SESSION_COOKIE}=${value}`,
      'Path=/desk',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAge}`,
      ...(options.secureCookie ? ['Secure'] : []),
    ].join('; ');

  return {
    async login(email, password, address) {
      const t = now().getTime();
      const a = attempts.get(address);
      if (a && t - a.since < 60_000 && a.count >= PER_ADDRESS_PER_MINUTE)
        return { kind: 'locked', retryAfterSeconds: Math.ceil((a.since + 60_000 - t) / 1000) };
      if (!a || t - a.since >= 60_000) attempts.set(address, { count: 1, since: t });
      else a.count++;
      if (attempts.size > 10_000) attempts.clear();

      const login = email ? await store.loginOf(email) : undefined;
      if (login?.lockedUntil && Date.parse(login.lockedUntil) > t) {
        await audit(login.user, 'login-failed');
        return { kind: 'locked', retryAfterSeconds: Math.ceil((Date.parse(login.lockedUntil) - t) / 1000) };
      }
      // A disabled account is refused exactly like a wrong password (same answer, same work done).
      const ok = (await verifyPassword(login?.passwordHash, password)) && !login?.disabledAt;
      if (!login || !ok) {
        if (login && !login.disabledAt) {
          const failures = login.failedLogins + 1;
          await store.recordLogin(login.user.id, {
            failedLogins: failures >= MAX_FAILURES ? 0 : failures,
            lockedUntil: failures >= MAX_FAILURES ? new Date(t + LOCK_MINUTES * 60_000).toISOString() : null,
          });
        }
        await audit(login?.user ?? null, 'login-failed');
        return { kind: 'wrong' };
      }
      await store.recordLogin(login.user.id, { failedLogins: 0, lockedUntil: null });
      const token = newToken();
      const csrfToken = newToken();
      await store.createSession({
        tokenHash: tokenHash(token),
        userId: login.user.id,
        csrfToken,
        expiresAt: new Date(t + SESSION_HOURS * 3600_000).toISOString(),
      });
      await audit(login.user, 'login');
      return { kind: 'ok', user: login.user, token, csrfToken };
    },

    async fromRequest(request) {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (!token || token.length > 100) return undefined;
      return store.sessionOf(tokenHash(token), now().toISOString());
    },

    csrfMatches(request, expected) {
      const given = request.headers['x-csrf-token'];
      return typeof given === 'string' && sameToken(given, expected);
    },

    setCookie(reply, token) {
      reply.header('set-cookie', cookie(token, SESSION_HOURS * 3600));
    },

    async logout(request, reply) {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      if (token) {
        const s = await store.sessionOf(tokenHash(token), now().toISOString());
        await store.deleteSession(tokenHash(token));
        if (s) await audit(s.user, 'logout');
      }
      reply.header('set-cookie', cookie('', 0));
    },
  };
}
