import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled content folder (content/ at the project root), found from this file whether it runs
 * from src/adapters/content or bundled into dist/.
 */
export const CONTENT_DIR = findContent(fileURLToPath(new URL('.', import.meta.url)));

function findContent(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(join(dir, 'content', 'messages'))) return join(dir, 'content');
    const up = resolve(dir, '..');
    if (up === dir) return resolve(from, '../../../content');
    dir = up;
  }
}
