/**
 * ESLint flat config: eslint's and typescript-eslint's recommended rules (not type-checked, to
 * stay fast), plus the house rules of STYLE.md. Prettier owns formatting (`npm run lint` runs both).
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));

const nodeGlobals = readonly([
  'AbortController',
  'AbortSignal',
  'Buffer',
  'Headers',
  'Request',
  'Response',
  'TextDecoder',
  'TextEncoder',
  'URL',
  'URLSearchParams',
  'clearImmediate',
  'clearInterval',
  'clearTimeout',
  'console',
  'crypto',
  'fetch',
  'performance',
  'process',
  'queueMicrotask',
  'setImmediate',
  'setInterval',
  'setTimeout',
  'structuredClone',
]);

const jestGlobals = readonly([
  'afterAll',
  'afterEach',
  'beforeAll',
  'beforeEach',
  'describe',
  'expect',
  'it',
  'jest',
  'test',
]);

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/coverage/',
    '.baton/',
    '.nx/',
    'bench/results/',
    'bench/.floor/',
    'libs/contracts/asyncapi.json',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Services and libraries log through Nest's Logger (STYLE.md).
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Command-line tools talk to a person on the console.
    files: ['scripts/**', 'bench/**'],
    languageOptions: { globals: nodeGlobals },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    languageOptions: { globals: jestGlobals },
  },
  {
    // The web service's own browser script (progressive enhancement only).
    files: ['services/web/assets/scripts/**'],
    languageOptions: {
      globals: readonly(['window', 'document', 'fetch', 'setTimeout', 'clearTimeout', 'EventSource']),
    },
  },
]);
