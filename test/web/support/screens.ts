import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** WCAG 2.2 A and AA, as axe-core tags them. */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Every page a journey visits: no WCAG 2.2 A/AA violation axe can find, and a full-page screenshot for a
 * reviewer under test-results/web/screens/<project>/ (git-ignored).
 */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const violations = await accessibilityViolations(page, testInfo.project.use.javaScriptEnabled !== false);
  expect(violations, `accessibility of ${name} (${page.url()})`).toEqual([]);
  await page.screenshot({
    path: join(testInfo.project.outputDir, 'screens', testInfo.project.name, `${name}.png`),
    fullPage: true,
  });
}

/**
 * axe runs as a script in the page. Without JavaScript the page cannot run it, so the same HTML, its
 * scripts removed, is checked in a page that may, with the same styles; the page itself is not requested
 * again (a family page read twice would be two records of access).
 */
async function accessibilityViolations(page: Page, scriptsRun: boolean): Promise<string[]> {
  const describe = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
    results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
    );
  if (scriptsRun) return describe(await new AxeBuilder({ page: forAxe(page) }).withTags(WCAG_22_AA).analyze());
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser to check it in');
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    const url = page.url();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await copy.goto(url);
    return describe(await new AxeBuilder({ page: forAxe(copy) }).withTags(WCAG_22_AA).analyze());
  } finally {
    await context.close();
  }
}

/** @axe-core/playwright is typed against playwright-core 1.65.2, @playwright/test against its own 1.65.1: the same Page. */
function forAxe(page: Page): AxePage {
  return page as unknown as AxePage;
}
