#!/usr/bin/env node
/**
 * Builds the web service's browser assets into dist/public: the stylesheet (Dart Sass, GOV.UK and MOJ
 * Frontend without GOV.UK's branding), Baton's logo, and the two frontends' JavaScript bundles.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'public');
const require = createRequire(import.meta.url);
const govuk = dirname(require.resolve('govuk-frontend/package.json'));
const moj = dirname(require.resolve('@ministryofjustice/frontend/package.json'));

mkdirSync(out, { recursive: true });
const css = sass.compile(join(root, 'assets', 'styles', 'application.scss'), {
  // MOJ Frontend loads GOV.UK Frontend as node_modules/govuk-frontend/…, so both resolve from the repository root.
  loadPaths: [join(root, '..', '..')],
  style: 'compressed',
  quietDeps: true,
  // MOJ Frontend still calls GOV.UK mixins GOV.UK has deprecated; warnings about our own styles still show.
  logger: {
    warn(message, { stack = '' }) {
      const callers = stack.split('\n').filter((line) => line.trim() !== '' && !line.includes('root stylesheet'));
      if (!callers.every((line) => line.includes('node_modules/'))) process.stderr.write(`${message}\n${stack}\n`);
    },
  },
  silenceDeprecations: ['import'],
});
writeFileSync(join(out, 'application.css'), css.css);
copyFileSync(join(root, 'assets', 'images', 'baton-logo.svg'), join(out, 'baton-logo.svg'));
copyFileSync(join(root, 'assets', 'scripts', 'application.js'), join(out, 'application.js'));
copyFileSync(join(govuk, 'dist', 'govuk', 'govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js'));
copyFileSync(join(moj, 'moj', 'moj-frontend.min.js'), join(out, 'moj-frontend.min.js'));
