/** Shared by the cross-cutting suites: a real server on an ephemeral loopback port. */
import type { AddressInfo } from 'node:net';
import { buildApp } from '#app/build-app.ts';
import { date } from '#domain/dates/plain-date.ts';

export async function startServer(today = '2026-11-28') {
  const app = await buildApp({ today: () => date(today) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    close: () => app.close(),
    postJson: (path: string, body: unknown) =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
