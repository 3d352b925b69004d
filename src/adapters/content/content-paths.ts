import { fileURLToPath } from 'node:url';

/** The bundled content folder (content/ at the repository root); CONTENT_DIR overrides it. */
export const CONTENT_DIR =
  process.env.CONTENT_DIR ?? fileURLToPath(new URL('../../../content/', import.meta.url));
