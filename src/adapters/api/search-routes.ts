/**
 * JSON API: GET /api/v1/search?q=&lang=&limit= (shared/spec/search-api.md). Thin: check the
 * request, search, serialise. A bad request answers 400 naming each bad field; the question is
 * never logged or stored.
 */
import type { FastifyInstance } from 'fastify';
import { runSearch } from '#search/request.ts';
import type { SearchIndex } from '#search/search-index.ts';

export interface SearchRouteOptions {
  index: SearchIndex;
  /** Waits for this request's turn of CPU work (src/app/turns.ts); none: at once. */
  turn?: () => Promise<void>;
}

export async function searchRoutes(app: FastifyInstance, { index, turn }: SearchRouteOptions) {
  app.get('/api/v1/search', async (request, reply) => {
    const query = strictQuery(request.url);
    await turn?.();
    const outcome = runSearch(index, { q: query.q, lang: query.lang, limit: query.limit });
    reply.header('cache-control', 'no-store');
    if (!outcome.ok) {
      return reply.code(400).send({
        error: 'invalid-query',
        message: outcome.problems.map((p) => p.message).join(' '),
        fields: outcome.problems,
      });
    }
    return outcome.response;
  });
}

/**
 * The query string decoded strictly: a parameter whose percent-encoding is not UTF-8 becomes
 * U+FFFD, which the request check reports as unreadable (the lenient default parser would pass
 * "%FF" on as the letters F, F). A repeated parameter becomes a list.
 */
export function strictQuery(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  const start = url.indexOf('?');
  if (start < 0) return out;
  for (const pair of url.slice(start + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return '\uFFFD';
  }
}
