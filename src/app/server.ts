/** Starts the server on HOST:PORT (default 127.0.0.1:3000) with the bundled content. */
import { buildApp } from './build-app.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

try {
  const app = await buildApp({ logger: true });
  await app.listen({ port, host });
  const stop = () => app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Wegwijs could not start: ${(error as Error).message}`);
  process.exit(1);
}
