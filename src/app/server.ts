/** Starts the server with the configuration of the environment (src/app/config.ts, docs/production.md). */
import { buildApp } from './build-app.ts';
import { ConfigError, loadConfig } from './config.ts';

try {
  const config = loadConfig();
  const app = await buildApp({ config, logger: true });
  await app.listen({ port: config.port, host: config.host });
  const stop = () => app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  console.error(`Wegwijs could not start: ${message}`);
  process.exit(1);
}
