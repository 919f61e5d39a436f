import { defineConfig } from '@playwright/test';

/**
 * Whole journeys through the web service on the real system (README: Test it): every service built and
 * running as in production, the development OpenID Provider's own sign-in page, Debian's Chromium.
 * Run with `npm run test:web`. The journeys run twice: with JavaScript, and without it.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.journey.ts',
  outputDir: '../../test-results/web',
  globalSetup: './support/global-setup.ts',
  // One machine, shared: one browser at a time, and the journeys in each file run in order.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.BATON_WEB_URL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'with-javascript', use: { javaScriptEnabled: true } },
    { name: 'without-javascript', use: { javaScriptEnabled: false } },
  ],
});
