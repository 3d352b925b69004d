/** Starts the server with the configuration of the environment (src/app/config.ts, docs/production.md). */
import { mkdirSync } from 'node:fs';
import { buildApp } from './build-app.ts';
import { ConfigError, loadConfig } from './config.ts';

try {
  const config = loadConfig();
  try {
    mkdirSync(config.dataDir, { recursive: true });
  } catch (error) {
    throw new Error(
      `DATA_DIR ${config.dataDir} cannot be created (${(error as NodeJS.ErrnoException).code}): set DATA_DIR to a writable folder`,
    );
  }
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
