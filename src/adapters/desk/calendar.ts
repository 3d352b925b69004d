/**
 * Each helper's private calendar feed of their people's next actions: a secret link (the token is
 * stored only as a hash) that the helper can renew or revoke. Display names only, no facts.
 */
import type { FastifyInstance } from 'fastify';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import type { DeskService } from '#domain/desk/service.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import { newToken, tokenHash } from './tokens.ts';

export interface CalendarEntry {
  date: PlainDate;
  summary: string;
  description: string;
  remindDays: readonly number[];
}

export interface CalendarFeed {
  /** The iCalendar text (the web adapter's generator, injected by the app). */
  render(events: CalendarEntry[], today: PlainDate): string;
  /** A short text per next-action kind (from the catalogs, in the desk's language). */
  label(kind: string): string;
}

export async function calendarRoutes(
  app: FastifyInstance,
  options: { store: DeskStore; service: DeskService; today: () => PlainDate; calendar: CalendarFeed },
) {
  const { store, service } = options;

  app.post('/desk/api/v1/calendar-token', async (request) => {
    const user = request.deskUser;
    if (!user) return { error: 'unauthenticated' };
    const token = newToken();
    await store.setCalendarToken(user.id, tokenHash(token));
    return { url: `/desk/calendar/${token}.ics` };
  });

  app.delete('/desk/api/v1/calendar-token', async (request, reply) => {
    if (request.deskUser) await store.setCalendarToken(request.deskUser.id, null);
    return reply.code(204).send();
  });

  app.get<{ Params: { file: string } }>('/desk/calendar/:file', async (request, reply) => {
    const token = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(request.params.file)?.[1];
    const user = token ? await store.userByCalendarToken(tokenHash(token)) : undefined;
    if (!user) return reply.code(404).send({ error: 'not-found', message: 'No such calendar.' });
    const people = await service.list(user);
    await service.audit(user, 'calendar-read');
    const today = options.today();
    const events = people.flatMap((v) =>
      v.nextAction && v.nextAction.due.since(today).sign >= 0
        ? [
            {
              date: v.nextAction.due,
              summary: `${v.person.displayName}: ${options.calendar.label(v.nextAction.kind)}`,
              description: options.calendar.label(v.nextAction.kind),
              remindDays: [14, 3],
            },
          ]
        : [],
    );
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(options.calendar.render(events, today));
  });
}
