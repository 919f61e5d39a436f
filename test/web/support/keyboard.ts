import { expect, type Locator, type Page } from '@playwright/test';

const MOST_TABS = 60;

/** Presses Tab until the element has focus, as a keyboard user would; fails if it is never reached. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < MOST_TABS; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Tabs into a radio group, then moves with the arrow keys until the wanted option is chosen. */
export async function chooseRadio(page: Page, group: Locator, option: string): Promise<void> {
  const radios = group.getByRole('radio');
  const wanted = group.getByRole('radio', { name: option, exact: true });
  for (let presses = 0; presses < MOST_TABS; presses++) {
    if (await radios.evaluateAll((all) => all.some((r) => r === r.ownerDocument.activeElement))) break;
    await page.keyboard.press('Tab');
  }
  if (!(await radios.evaluateAll((all) => all.some((r) => r.checked)))) await page.keyboard.press('Space');
  for (let presses = 0; presses < 20 && !(await wanted.isChecked()); presses++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
}

export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false);
}
