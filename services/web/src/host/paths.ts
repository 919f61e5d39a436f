import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web service's folder, found from this file in src/ (tests) or dist/ (a build) alike. */
export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIEWS_DIR = join(WEB_ROOT, 'views');
export const PUBLIC_DIR = join(WEB_ROOT, 'dist', 'public');
